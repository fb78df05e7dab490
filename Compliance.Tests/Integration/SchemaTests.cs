using System.Data.Common;
using Compliance.Tests.Fixtures;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Compliance.Web.Infrastructure.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace Compliance.Tests.Integration;

/// <summary>
/// Migrations are hand-written, so a forgotten one would go unnoticed: migrate one database, create a second from
/// the model with EnsureCreated, and require the same tables, columns, indexes and foreign keys.
/// </summary>
public sealed class SchemaTests
{
    [Theory]
    [MemberData(nameof(ComplianceApp.Providers), MemberType = typeof(ComplianceApp))]
    public async Task Migrated_schema_matches_the_model(DatabaseProvider provider)
    {
        await using var migrated = await ComplianceApp.StartAsync(provider);
        migrated.CreateClient().Dispose(); // starts the app, which applies the migrations

        // The second database is made from the model alone, outside any running app, so no background
        // worker holds a connection to it while it is created.
        var folder = Directory.CreateTempSubdirectory("compliance-schema-").FullName;
        using var removeFolder = new TempFolder(folder);
        await using var createdDb = provider == DatabaseProvider.Sqlite
            ? (ComplianceDbContext)new SqliteComplianceDbContext(new DbContextOptionsBuilder<SqliteComplianceDbContext>()
                .UseSqlite($"Data Source={Path.Combine(folder, "created.db")};Pooling=false").Options, new TenantContext(), new AuditTrail(TimeProvider.System))
            : new PostgresComplianceDbContext(new DbContextOptionsBuilder<PostgresComplianceDbContext>()
                .UseNpgsql(await (await PostgresServer.InstanceAsync()).CreateDatabaseAsync()).Options, new TenantContext(), new AuditTrail(TimeProvider.System));
        await createdDb.Database.EnsureCreatedAsync();

        using var migratedScope = migrated.Services.CreateScope();
        var migratedDb = migratedScope.ServiceProvider.GetRequiredService<ComplianceDbContext>();

        var expected = await DescribeAsync(createdDb);
        var actual = await DescribeAsync(migratedDb);
        Assert.NotEmpty(expected);
        Assert.Equal(string.Join('\n', expected), string.Join('\n', actual));
    }

    private static async Task<List<string>> DescribeAsync(ComplianceDbContext db)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var rows = db.Database.IsSqlite() ? await DescribeSqliteAsync(connection) : await DescribePostgresAsync(connection);
        // EF's own bookkeeping (history, and the migration lock on SQLite) is not part of the model, nor is the job store's
        // schema, which Quartz creates and checks itself.
        return [.. rows.Where(r => !r.Contains("__EFMigrations", StringComparison.Ordinal) && !r.Contains("qrtz_", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)];
    }

    private static async Task<List<string>> DescribeSqliteAsync(DbConnection connection)
    {
        var rows = new List<string>();
        var tables = await QueryAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
        foreach (var table in tables.Select(t => t[0]))
        {
            foreach (var c in await QueryAsync(connection, $"SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info('{table}')"))
                rows.Add($"column {table}.{c[0]} {c[1]} notnull={c[2]} default={c[3]} pk={c[4]}");
            foreach (var i in await QueryAsync(connection, $"SELECT name, \"unique\", origin FROM pragma_index_list('{table}')"))
            {
                var columns = await QueryAsync(connection, $"SELECT name FROM pragma_index_info('{i[0]}') ORDER BY seqno");
                rows.Add($"index {table}.{i[0]} unique={i[1]} origin={i[2]} ({string.Join(",", columns.Select(c => c[0]))})");
            }
            foreach (var f in await QueryAsync(connection, $"SELECT \"from\", \"table\", \"to\", on_delete FROM pragma_foreign_key_list('{table}')"))
                rows.Add($"fk {table}.{f[0]} -> {f[1]}.{f[2]} on delete {f[3]}");
        }
        return rows;
    }

    private static async Task<List<string>> DescribePostgresAsync(DbConnection connection)
    {
        var rows = new List<string>();
        foreach (var c in await QueryAsync(connection, """
            SELECT table_name, column_name, data_type, coalesce(character_maximum_length::text, ''), is_nullable,
                   coalesce(column_default, ''), coalesce(numeric_precision::text, ''), coalesce(numeric_scale::text, ''), is_identity
            FROM information_schema.columns WHERE table_schema = 'public'
            """))
            rows.Add($"column {c[0]}.{c[1]} {c[2]}({c[3]}) nullable={c[4]} default={c[5]} precision={c[6]},{c[7]} identity={c[8]}");
        foreach (var i in await QueryAsync(connection, "SELECT tablename, indexdef FROM pg_indexes WHERE schemaname = 'public'"))
            rows.Add($"index {i[0]}: {i[1]}");
        foreach (var k in await QueryAsync(connection, """
            SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint
            WHERE connamespace = 'public'::regnamespace
            """))
            rows.Add($"constraint {k[0]}.{k[1]}: {k[2]}");
        return rows;
    }

    private static async Task<List<string[]>> QueryAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var result = new List<string[]>();
        while (await reader.ReadAsync())
            result.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!)]);
        return result;
    }

    /// <summary>Deletes the created database's folder when the test ends (declared before the context, so disposed after it).</summary>
    private sealed class TempFolder(string path) : IDisposable
    {
        public void Dispose()
        {
            try { Directory.Delete(path, recursive: true); }
            catch (IOException) { }
        }
    }
}
