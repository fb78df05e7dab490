using Compliance.Web.Infrastructure.Persistence;
using Npgsql;

namespace Compliance.Tests.Integration.Production;

/// <summary>The process's PostgreSQL data source: statements prepared automatically unless the connection string says otherwise.</summary>
public sealed class PostgresDataSourceTests
{
    private static int MaxAutoPrepareOf(string connectionString)
    {
        using var source = Database.PostgresDataSource(connectionString);
        return new NpgsqlConnectionStringBuilder(source.ConnectionString).MaxAutoPrepare;
    }

    [Fact]
    public void Statements_are_prepared_automatically_by_default() =>
        Assert.Equal(Database.DefaultMaxAutoPrepare, MaxAutoPrepareOf("Host=127.0.0.1;Username=compliance;Database=compliance"));

    [Theory]
    [InlineData("Host=127.0.0.1;Username=compliance;Max Auto Prepare=0", 0)]
    [InlineData("Host=127.0.0.1;Username=compliance;max auto prepare=5", 5)]
    public void The_connection_string_decides_when_it_names_the_setting(string connectionString, int expected) =>
        Assert.Equal(expected, MaxAutoPrepareOf(connectionString));
}
