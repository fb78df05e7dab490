using Compliance.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Compliance.Web.Infrastructure.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public static class Database
{
    public static DatabaseProvider ProviderFrom(IConfiguration configuration) =>
        Enum.TryParse<DatabaseProvider>(configuration["Database:Provider"] ?? nameof(DatabaseProvider.Sqlite), ignoreCase: true, out var p)
            ? p
            : throw new InvalidOperationException($"Database:Provider must be Sqlite or Postgres, not '{configuration["Database:Provider"]}'.");

    /// <summary>Folder for the SQLite file and filesystem blobs (Compliance:DataPath, default App_Data under the content root).</summary>
    public static string DataPath(IConfiguration configuration, IHostEnvironment environment)
    {
        var path = Path.GetFullPath(configuration["Compliance:DataPath"] ?? "App_Data", environment.ContentRootPath);
        Directory.CreateDirectory(path);
        return path;
    }

    public static IServiceCollection AddComplianceDatabase(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<TenantContext>();
        services.AddScoped<AuditTrail>();
        services.AddSingleton<TenantSaveGuard>();

        var connectionString = ConnectionString(configuration, environment);
        switch (ProviderFrom(configuration))
        {
            case DatabaseProvider.Sqlite:
                services.AddDbContext<ComplianceDbContext, SqliteComplianceDbContext>((sp, o) => Configure(sp, o.UseSqlite(connectionString).AddInterceptors(new UnicodeCaseFunctions())));
                break;
            case DatabaseProvider.Postgres:
                // One data source (one pool) for the whole process: EF Core and any hand-written Npgsql code share its
                // connections and its Maximum Pool Size (set in ConnectionStrings:Compliance; keep it under max_connections).
                services.AddSingleton(_ => PostgresDataSource(connectionString));
                services.AddDbContext<ComplianceDbContext, PostgresComplianceDbContext>((sp, o) =>
                    Configure(sp, o.UseNpgsql(sp.GetRequiredService<Npgsql.NpgsqlDataSource>())));
                break;
        }
        return services;
    }

    /// <summary>
    /// The process's PostgreSQL data source. Unless the connection string says otherwise:
    /// <list type="bullet">
    /// <item>statements are prepared automatically (Max Auto Prepare): the app repeats a small set of parameterized
    /// statements, and PostgreSQL then plans each once per connection instead of on every execution (planning an OData
    /// page cost as much CPU as running it). Set <c>Max Auto Prepare=0</c> behind a pooler that cannot keep prepared
    /// statements (PgBouncer in transaction mode before 1.21);</item>
    /// <item>a connection going back to the pool is not reset (No Reset On Close). The reset is six statements (CLOSE ALL,
    /// RESET ALL, UNLISTEN *, pg_advisory_unlock_all(), DISCARD SEQUENCES, DISCARD TEMP) sent before the next command,
    /// and cost PostgreSQL close to a third of its CPU time per OData request (0.68 -> 0.47 ms, benchmark). The app leaves nothing for it to reset: it sets no
    /// session settings, listens to nothing, makes temporary tables only ON COMMIT DROP, and releases its one session lock
    /// (<see cref="UnderStartupLockAsync"/>) before the connection goes back.</item>
    /// </list>
    /// </summary>
    public static Npgsql.NpgsqlDataSource PostgresDataSource(string connectionString)
    {
        var builder = new Npgsql.NpgsqlDataSourceBuilder(connectionString);
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(k => k.Replace(" ", "", StringComparison.Ordinal)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (!given.Contains("MaxAutoPrepare")) builder.ConnectionStringBuilder.MaxAutoPrepare = DefaultMaxAutoPrepare;
        if (!given.Contains("NoResetOnClose")) builder.ConnectionStringBuilder.NoResetOnClose = true;
        return builder.Build();
    }

    /// <summary>Statements prepared per connection (Npgsql evicts the least used past this).</summary>
    public const int DefaultMaxAutoPrepare = 64;

    /// <summary>ConnectionStrings:Compliance, or for SQLite the file in the data folder.</summary>
    public static string ConnectionString(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetConnectionString("Compliance") is { Length: > 0 } configured ? configured
        : ProviderFrom(configuration) == DatabaseProvider.Sqlite ? $"Data Source={Path.Combine(DataPath(configuration, environment), "compliance.db")}"
        : throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Compliance is not set.");

    private static void Configure(IServiceProvider services, DbContextOptionsBuilder options) =>
        options.AddInterceptors(services.GetRequiredService<TenantSaveGuard>())
            // Migrations are hand-written (no model snapshot), so EF always believes the model has pending changes.
            // A test compares the migrated schema with the model instead.
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));

    /// <summary>Applies migrations; on SQLite also turns on write-ahead logging so readers do not block the writer.</summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplianceDbContext>();
        if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        await db.Database.MigrateAsync(ct);
    }

    /// <summary>
    /// Start-up work that must happen once however many instances start together (migrations, the first data protection
    /// key, demo data, bundled risk lists): on PostgreSQL the instances take turns under a session advisory lock, and each finds
    /// what the one before it did. SQLite is one process's file.
    /// </summary>
    public static async Task UnderStartupLockAsync(IServiceProvider services, Func<Task> work, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplianceDbContext>();
        if (!db.Database.IsNpgsql())
        {
            await work();
            return;
        }
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({StartupLock})", ct);
            try
            {
                await work();
            }
            finally
            {
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({StartupLock})", CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private const long StartupLock = 0x436f6d706c4b6579; // "ComplKey"
}
