using Compliance.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace Compliance.Tests.Fixtures;

/// <summary>
/// The real application on a throwaway database: SQLite in a temp folder, or a fresh database on the test
/// PostgreSQL server. <see cref="WithKestrel"/> serves it on a real loopback port for the browser tests.
/// </summary>
public class ComplianceApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> settings;

    public string DataPath { get; }
    public DatabaseProvider Provider { get; }

    public ComplianceApp(DatabaseProvider provider = DatabaseProvider.Sqlite, string? connectionString = null, IDictionary<string, string?>? extra = null)
    {
        Provider = provider;
        DataPath = Directory.CreateTempSubdirectory("compliance-test-").FullName;
        settings = new Dictionary<string, string?>
        {
            ["Compliance:DataPath"] = DataPath,
            ["Compliance:SeedDemo"] = "false",
            ["Database:Provider"] = provider.ToString(),
            ["ConnectionStrings:Compliance"] = connectionString ?? "",
            ["RateLimits:SignUpPerMinute"] = "1000",
            ["RateLimits:LoginPerMinute"] = "1000",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>()) settings[key] = value;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Settings must be visible before Program reads them (database provider, data path).
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
        builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(settings));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(DataPath, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
