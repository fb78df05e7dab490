using Compliance.Tests.Fixtures;
using Compliance.Tests.Integration.Import;
using Compliance.Web.Infrastructure.Persistence;
using Npgsql;

namespace Compliance.Tests.Integration.Production;

/// <summary>
/// The process's PostgreSQL data source: statements prepared automatically and connections not reset on close, unless the
/// connection string says otherwise.
/// </summary>
public sealed class PostgresDataSourceTests
{
    private static int MaxAutoPrepareOf(string connectionString) => SettingsOf(connectionString).MaxAutoPrepare;

    private static NpgsqlConnectionStringBuilder SettingsOf(string connectionString)
    {
        using var source = Database.PostgresDataSource(connectionString);
        return new NpgsqlConnectionStringBuilder(source.ConnectionString);
    }

    [Fact]
    public void Statements_are_prepared_automatically_by_default() =>
        Assert.Equal(Database.DefaultMaxAutoPrepare, MaxAutoPrepareOf("Host=127.0.0.1;Username=compliance;Database=compliance"));

    [Theory]
    [InlineData("Host=127.0.0.1;Username=compliance;Max Auto Prepare=0", 0)]
    [InlineData("Host=127.0.0.1;Username=compliance;max auto prepare=5", 5)]
    public void The_connection_string_decides_when_it_names_the_setting(string connectionString, int expected) =>
        Assert.Equal(expected, MaxAutoPrepareOf(connectionString));

    [Fact]
    public void Connections_are_not_reset_on_close_unless_the_connection_string_asks()
    {
        Assert.True(SettingsOf("Host=127.0.0.1;Username=compliance;Database=compliance").NoResetOnClose);
        Assert.False(SettingsOf("Host=127.0.0.1;Username=compliance;No Reset On Close=false").NoResetOnClose);
    }

    /// <summary>
    /// What a reset would have cleaned up is never left behind: after start-up (its session lock), an import (its
    /// temporary table) and an OData query, no connection of the pool holds an advisory lock or a temporary table.
    /// </summary>
    [Fact]
    public async Task Pooled_connections_keep_no_session_state_after_start_up_an_import_and_a_query()
    {
        var connectionString = await (await PostgresServer.InstanceAsync()).CreateDatabaseAsync();
        await using var app = new ComplianceApp(DatabaseProvider.Postgres, connectionString);
        var owner = await ImportApi.SignUpAsync(app);
        await owner.ImportAsync(System.Text.Encoding.UTF8.GetBytes("ref,name,country\nR-1,Saigon Garment Co.,VN\nR-2,Dhaka Knit,BD\n"));
        await owner.ImportAsync(System.Text.Encoding.UTF8.GetBytes("ref,name,country\nR-1,Saigon Garment Company,VN\nR-3,Karachi Cotton,PK\n"));
        Assert.Equal(System.Net.HttpStatusCode.OK, (await owner.Client.GetAsync("/odata/Suppliers?$filter=Country eq 'VN'")).StatusCode);

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT (SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'
                        AND database = (SELECT oid FROM pg_database WHERE datname = current_database())),
                   (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname LIKE 'pg\_temp\_%')
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal((0L, 0L), (reader.GetInt64(0), reader.GetInt64(1)));
    }
}
