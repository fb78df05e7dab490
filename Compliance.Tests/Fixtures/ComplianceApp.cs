using System.Net.Http.Headers;
using System.Net.Http.Json;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Compliance.Tests.Fixtures;

/// <summary>
/// The real application on a throwaway database: SQLite in a temp folder, or a fresh database on the test
/// PostgreSQL server. <see cref="StartKestrel"/> serves it on a real loopback port for the browser tests.
/// </summary>
public class ComplianceApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> settings;

    public string DataPath { get; }
    public DatabaseProvider Provider { get; }

    /// <summary>Service changes for one test (a shifted clock, a log capture), applied after the app's own registrations.</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

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

    /// <summary>The app on the given provider; for PostgreSQL on a new database of the shared test server.</summary>
    public static async Task<ComplianceApp> StartAsync(DatabaseProvider provider, IDictionary<string, string?>? extra = null)
    {
        var connectionString = provider == DatabaseProvider.Postgres
            ? await (await PostgresServer.InstanceAsync()).CreateDatabaseAsync()
            : null;
        return new ComplianceApp(provider, connectionString, extra);
    }

    /// <summary>Both providers, for <c>[Theory, MemberData(nameof(ComplianceApp.Providers), MemberType = typeof(ComplianceApp))]</c>.</summary>
    public static TheoryData<DatabaseProvider> Providers => new(DatabaseProvider.Sqlite, DatabaseProvider.Postgres);

    /// <summary>Serves the app on a free loopback port and returns its base address.</summary>
    public Uri StartKestrel()
    {
        UseKestrel(0);
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var uri = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));
        ClientOptions.BaseAddress = uri; // API clients of the tests talk to the same real server
        return uri;
    }

    /// <summary>A client of this app (the in-memory server, or the Kestrel one once started) that shows redirects as they are.</summary>
    public HttpClient Client(bool handleCookies = true) =>
        CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = ClientOptions.BaseAddress, HandleCookies = handleCookies, AllowAutoRedirect = false });

    /// <summary>A client acting with an API token.</summary>
    public HttpClient ClientWithToken(string token)
    {
        var client = Client(handleCookies: false);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Signs up a new organization through the API and returns its admin token.</summary>
    public async Task<TestOrganization> SignUpAsync(string name, string? email = null, string password = TestOrganization.Password)
    {
        using var anonymous = CreateClient();
        email ??= $"admin-{Guid.NewGuid():N}@{Compliance.Domain.Tenancy.Organization.SlugFrom(name)}.test";
        var response = await anonymous.PostAsJsonAsync("/api/v1/signup", new { organizationName = name, adminEmail = email, password });
        response.EnsureSuccessStatusCode();
        var body = (await response.Content.ReadFromJsonAsync<SignUpResponse>())!;
        return new TestOrganization(this, body.OrganizationId, body.Slug, body.ApiToken, email);
    }

    private sealed record SignUpResponse(Guid OrganizationId, string Slug, string ApiToken);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Settings must be visible before Program reads them (database provider, data path).
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
        builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(settings));
        if (TestServices is not null) builder.ConfigureServices(TestServices);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Npgsql.NpgsqlConnection.ClearAllPools();
            try { Directory.Delete(DataPath, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
