using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Compliance.Bench.Import;
using Compliance.Domain.Tenancy;
using Compliance.Web.Infrastructure.Identity;
using Compliance.Web.Infrastructure.Persistence;
using Compliance.Web.Infrastructure.Tenancy;
using Dapper;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;

namespace Compliance.Bench.OData;

/// <summary>
/// The issue's OData benchmark: wrk against GET /odata/Suppliers?$filter=Country eq 'CN' and Tier le 2&amp;$orderby=Name&amp;$top=50&amp;$skip=N
/// and against a hand-written Dapper endpoint running the same SQL in the same process (same token authentication,
/// same pool), alternately, on PostgreSQL with N generated suppliers of one organization.
/// <c>dotnet run -c Release --project Compliance.Bench -- odata [--size 1000000] [--runs 3] [--seconds 15] [--connections 64]</c>
/// Needs wrk (apt-get install wrk).
/// </summary>
public sealed partial class ODataScenario : IScenario
{
    public string Name => "odata";
    public string Description => "OData $filter/$orderby/$top/$skip vs a Dapper endpoint with the same SQL, under wrk (PostgreSQL)";

    private const string ODataPath = "/odata/Suppliers?$filter=Country%20eq%20'CN'%20and%20Tier%20le%202&$orderby=Name&$top=50&$skip=";
    private const string PeerPath = "/bench/dapper/suppliers?skip=";

    public async Task RunAsync(BenchOptions options)
    {
        var size = options.Size ?? 1_000_000;
        var seconds = int.Parse(options.Extra.GetValueOrDefault("seconds", "15"), CultureInfo.InvariantCulture);
        var connections = int.Parse(options.Extra.GetValueOrDefault("connections", "64"), CultureInfo.InvariantCulture);
        var work = Directory.CreateTempSubdirectory("compliance-bench-odata-").FullName;
        try
        {
            await using var cluster = await ThrowawayCluster.StartAsync(work);
            await cluster.PsqlAsync("postgres", "CREATE DATABASE bench;");
            // Both sides share one pool, sized for the load (the server's max_connections is 100).
            var connectionString = cluster.ConnectionString("bench").Replace("Maximum Pool Size=10", "Maximum Pool Size=50", StringComparison.Ordinal);
            await using var app = new BenchApp(connectionString, work);
            var baseUri = app.Start();
            var (organization, token) = await SeedAsync(app.Services, connectionString, size);
            Console.WriteLine($"PostgreSQL {cluster.Version}, {size:N0} suppliers ({await CountCnTier2Async(connectionString, organization):N0} match), app on {baseUri}");

            // The same page through both, checked before timing.
            using (var http = new HttpClient { BaseAddress = baseUri })
            {
                http.DefaultRequestHeaders.Authorization = new("Bearer", token);
                var odata = JsonDocument.Parse(await http.GetStringAsync(ODataPath + "100")).RootElement.GetProperty("value");
                var peer = JsonDocument.Parse(await http.GetStringAsync(PeerPath + "100")).RootElement.GetProperty("value");
                if (odata.GetArrayLength() != 50 || !odata.EnumerateArray().Select(r => r.GetProperty("Id").GetGuid()).SequenceEqual(peer.EnumerateArray().Select(r => r.GetProperty("Id").GetGuid())))
                    throw new InvalidOperationException("The OData and Dapper endpoints do not return the same page.");
            }

            var script = Path.Combine(work, "skip.lua");
            await File.WriteAllTextAsync(script, """
                -- $skip = N: pages 0..19 of the result, in turn.
                local counter = 0
                local base = os.getenv("BENCH_PATH")
                request = function()
                  counter = counter + 1
                  return wrk.format("GET", base .. tostring((counter % 20) * 50))
                end
                """);
            // Warm both (JIT, plan caches, pool): 3 s left the OData side's first run still being recompiled by tiered JIT
            // (twice the CPU per request of the later runs).
            await WrkAsync(cluster, baseUri, ODataPath, token, script, 10, connections);
            await WrkAsync(cluster, baseUri, PeerPath, token, script, 10, connections);
            var odataRuns = new List<WrkResult>();
            var peerRuns = new List<WrkResult>();
            for (var i = 0; i < options.Runs; i++)
            {
                odataRuns.Add(await WrkAsync(cluster, baseUri, ODataPath, token, script, seconds, connections));
                peerRuns.Add(await WrkAsync(cluster, baseUri, PeerPath, token, script, seconds, connections));
                Console.WriteLine($"  run {i + 1}: OData {odataRuns[^1]}, Dapper {peerRuns[^1]}");
            }
            var o = SideBySide.Median([.. odataRuns.Select(r => r.RequestsPerSecond)]);
            var p = SideBySide.Median([.. peerRuns.Select(r => r.RequestsPerSecond)]);
            Console.WriteLine($"median: OData {o:F0} req/s (p99 {SideBySide.Median([.. odataRuns.Select(r => r.P99Ms)]):F1} ms), Dapper {p:F0} req/s " +
                $"(p99 {SideBySide.Median([.. peerRuns.Select(r => r.P99Ms)]):F1} ms), ratio {o / p:F2}x (target ≥ 0.7x, p99 ≤ 100 ms at 64 connections); " +
                $"errors: OData {odataRuns.Sum(r => r.Errors)}, Dapper {peerRuns.Sum(r => r.Errors)}");
            // CPU per request does not depend on what else the machine runs (throughput and latency do): app + PostgreSQL.
            Console.WriteLine($"median CPU per request: OData {SideBySide.Median([.. odataRuns.Select(r => r.AppCpuMs)]):F2} ms app + {SideBySide.Median([.. odataRuns.Select(r => r.DbCpuMs)]):F2} ms PostgreSQL, " +
                $"Dapper {SideBySide.Median([.. peerRuns.Select(r => r.AppCpuMs)]):F2} ms app + {SideBySide.Median([.. peerRuns.Select(r => r.DbCpuMs)]):F2} ms PostgreSQL " +
                $"(wrk: {SideBySide.Median([.. odataRuns.Concat(peerRuns).Select(r => r.WrkCpuMs)]):F2} ms)");
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            try { Directory.Delete(work, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private sealed record WrkResult(double RequestsPerSecond, double P99Ms, long Errors, double AppCpuMs, double DbCpuMs, double WrkCpuMs)
    {
        public override string ToString() => $"{RequestsPerSecond:F0} req/s, p99 {P99Ms:F1} ms, {Errors} errors, CPU/request {AppCpuMs:F2} ms app + {DbCpuMs:F2} ms db";
    }

    private static async Task<WrkResult> WrkAsync(ThrowawayCluster cluster, Uri baseUri, string path, string token, string script, int seconds, int connections)
    {
        var app = Process.GetCurrentProcess().TotalProcessorTime;
        var db = cluster.ServerCpuSeconds();
        var children = ChildrenCpuSeconds();
        var start = new ProcessStartInfo("wrk", ["-t", "2", "-c", connections.ToString(CultureInfo.InvariantCulture), "-d", $"{seconds}s", "--latency",
            "-H", $"Authorization: Bearer {token}", "-s", script, baseUri.ToString().TrimEnd('/')])
        { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["BENCH_PATH"] = path;
        using var wrk = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start (apt-get install wrk).");
        var output = await wrk.StandardOutput.ReadToEndAsync();
        await wrk.WaitForExitAsync();
        var appCpu = (Process.GetCurrentProcess().TotalProcessorTime - app).TotalMilliseconds;
        var dbCpu = (cluster.ServerCpuSeconds() - db) * 1000;
        var requests = double.Parse(Requests().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        var rps = double.Parse(RequestsPerSecond().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        var p99 = P99().Match(output) is { Success: true } m ? Milliseconds(m.Groups[1].Value, m.Groups[2].Value) : double.NaN;
        var errors = Non2xx().Match(output) is { Success: true } e ? long.Parse(e.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        foreach (Match s in SocketErrors().Matches(output)) errors += long.Parse(s.Groups[1].Value, CultureInfo.InvariantCulture);
        return new WrkResult(rps, p99, errors, appCpu / requests, dbCpu / requests, (ChildrenCpuSeconds() - children) * 1000 / requests);
    }

    /// <summary>CPU seconds of this process's exited children (wrk): cutime + cstime of /proc/self/stat.</summary>
    private static double ChildrenCpuSeconds()
    {
        try
        {
            var text = File.ReadAllText("/proc/self/stat");
            var f = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(f[13], CultureInfo.InvariantCulture) + long.Parse(f[14], CultureInfo.InvariantCulture)) / 100.0;
        }
        catch (IOException)
        {
            return double.NaN;
        }
    }

    private static double Milliseconds(string value, string unit) =>
        double.Parse(value, CultureInfo.InvariantCulture) * unit switch { "us" => 0.001, "ms" => 1, "s" => 1000, _ => double.NaN };

    [GeneratedRegex(@"(\d+) requests in")]
    private static partial Regex Requests();

    [GeneratedRegex(@"Requests/sec:\s+([0-9.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"99%\s+([0-9.]+)(us|ms|s)")]
    private static partial Regex P99();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex Non2xx();

    [GeneratedRegex(@"(?:connect|read|write|timeout) (\d+)")]
    private static partial Regex SocketErrors();

    /// <summary>One organization, an Auditor token, and <paramref name="size"/> suppliers by binary COPY (seeded, so every run sees the same data).</summary>
    private static async Task<(Guid Organization, string Token)> SeedAsync(IServiceProvider services, string connectionString, int size)
    {
        var organization = new Organization { Name = "Bench Apparel", Slug = "bench-apparel", CreatedAt = DateTime.UtcNow };
        var (token, hash) = ApiToken.NewSecret();
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ComplianceDbContext>();
            db.Organizations.Add(organization);
            await db.SaveChangesAsync();
            scope.ServiceProvider.GetRequiredService<TenantContext>().Use(organization.Id);
            db.ApiTokens.Add(new ApiToken { OrganizationId = organization.Id, Name = "bench", Role = Role.Auditor, SecretHash = hash, CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }
        string[] countries = ["CN", "VN", "BD", "IN", "TR", "PK", "KH", "ID", "MX", "US", "DE", "IT", "PT", "MA", "ET", "BR", "TH", "MY", "LK", "EG"];
        string[] words = ["Textile", "Garment", "Knitting", "Apparel", "Cotton", "Leather", "Electronics", "Plastics", "Metal", "Packaging", "Dyeing", "Weaving"];
        var random = new Random(20261205);
        var now = DateTime.UtcNow;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var copy = await connection.BeginBinaryImportAsync(
            """COPY "Suppliers" ("Id", "OrganizationId", "ExternalReference", "Name", "AlternateNames", "Country", "Address", "Tier", "Status", "CreatedAt", "UpdatedAt") FROM STDIN (FORMAT BINARY)"""))
        {
            for (var i = 1; i <= size; i++)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(Guid.NewGuid(), NpgsqlDbType.Uuid);
                await copy.WriteAsync(organization.Id, NpgsqlDbType.Uuid);
                await copy.WriteAsync($"V{i:D8}", NpgsqlDbType.Text);
                await copy.WriteAsync($"{words[random.Next(words.Length)]} {words[random.Next(words.Length)]} {i} Ltd", NpgsqlDbType.Text);
                await copy.WriteAsync(Array.Empty<string>(), NpgsqlDbType.Array | NpgsqlDbType.Text);
                await copy.WriteAsync(countries[random.Next(countries.Length)], NpgsqlDbType.Char);
                await copy.WriteAsync($"{random.Next(1, 999)} Industrial Road", NpgsqlDbType.Text);
                await copy.WriteAsync(random.Next(1, 4), NpgsqlDbType.Integer);
                await copy.WriteAsync("Active", NpgsqlDbType.Text);
                await copy.WriteAsync(now, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(now, NpgsqlDbType.TimestampTz);
            }
            await copy.CompleteAsync();
        }
        // Routine maintenance after a bulk load (autovacuum would do it minutes later, in the middle of the runs): statistics,
        // and the visibility map that lets index-only scans skip the table. Both sides read the same table.
        await connection.ExecuteAsync("""VACUUM ANALYZE "Suppliers";""");
        return (organization.Id, token);
    }

    private static async Task<long> CountCnTier2Async(string connectionString, Guid organization)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        return await connection.ExecuteScalarAsync<long>("""SELECT count(*) FROM "Suppliers" WHERE "OrganizationId" = @organization AND "Country" = 'CN' AND "Tier" <= 2""", new { organization });
    }

    /// <summary>The real application (Program, its pipeline and services) on Kestrel, plus the peer endpoint.</summary>
    // Any type of the web assembly names it (its entry point is found from the assembly); the bench has its own Program.
    private sealed class BenchApp(string connectionString, string dataPath) : WebApplicationFactory<Compliance.Web.OData.ODataModel>
    {
        public Uri Start()
        {
            UseKestrel(0);
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal) + "/");
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            foreach (var (key, value) in new Dictionary<string, string>
            {
                ["Compliance:DataPath"] = dataPath,
                ["Compliance:SeedDemo"] = "false",
                ["Database:Provider"] = "Postgres",
                ["ConnectionStrings:Compliance"] = connectionString,
                ["Logging:LogLevel:Default"] = "Warning",
                ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
            }) builder.UseSetting(key, value);
            builder.ConfigureServices(s => s.AddSingleton<IStartupFilter>(new PeerEndpoint()));
        }
    }

    /// <summary>
    /// GET /bench/dapper/suppliers?skip=N: the SQL EF Core generates for the OData request, run with Dapper and written
    /// with System.Text.Json, after the same API-token authentication, through the app's own data source (one pool for
    /// both sides) and the same query gate (OData:MaxConcurrentQueries) that OData requests wait at.
    /// </summary>
    private sealed class PeerEndpoint : IStartupFilter
    {
        private const string Columns = """
            s."Id", s."ExternalReference", s."Name", s."Country", s."Address", s."Tier", s."ParentId", s."Status", s."Lei", s."Duns", s."Uscc", s."OpenSupplyHubId", s."CreatedAt", s."UpdatedAt"
            """;

        // The first page, as EF Core writes it.
        private const string FirstPageSql = $"""
            SELECT {Columns}
            FROM "Suppliers" AS s
            WHERE s."OrganizationId" = @organization AND s."Country" = CAST(@country AS character(2)) AND s."Tier" <= @tier
            ORDER BY s."Name", s."Id"
            LIMIT @take
            """;

        // A later page, as EF Core writes it: the page's keys from the index, then only those rows (ODataEndpoint.Page).
        private const string PageSql = $"""
            SELECT {Columns}
            FROM "Suppliers" AS s
            WHERE s."OrganizationId" = @organization AND s."Id" IN (
                SELECT s0."Id"
                FROM "Suppliers" AS s0
                WHERE s0."OrganizationId" = @organization AND s0."Country" = CAST(@country AS character(2)) AND s0."Tier" <= @tier
                ORDER BY s0."Name", s0."Id"
                LIMIT @take OFFSET @skip
            )
            ORDER BY s."Name", s."Id"
            """;

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            var source = app.ApplicationServices.GetRequiredService<NpgsqlDataSource>();
            var gate = app.ApplicationServices.GetRequiredService<Compliance.Web.OData.ODataQueryGate>();
            app.Map("/bench/dapper/suppliers", branch => branch.Run(async http =>
            {
                var auth = await http.AuthenticateAsync(ApiTokenAuthentication.SchemeName);
                if (!auth.Succeeded || !Guid.TryParse(auth.Principal.FindFirst(ComplianceClaims.Organization)?.Value, out var organization))
                {
                    http.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    return;
                }
                var skip = int.Parse(http.Request.Query["skip"].ToString(), CultureInfo.InvariantCulture);
                using var turn = await gate.EnterAsync(http.RequestAborted);
                if (!turn.IsAcquired)
                {
                    http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                    return;
                }
                await using var connection = await source.OpenConnectionAsync(http.RequestAborted);
                var rows = await connection.QueryAsync<SupplierRow>(skip > 0 ? PageSql : FirstPageSql, new { organization, country = "CN", tier = 2, take = 50, skip });
                // As OData does: the rows are read, so the connection goes back to the pool and the turn to the gate before writing.
                await connection.DisposeAsync();
                turn.Dispose();
                http.Response.ContentType = "application/json";
                await JsonSerializer.SerializeAsync(http.Response.Body, new { value = rows }, cancellationToken: http.RequestAborted);
            }));
            next(app);
        };
    }

    private sealed record SupplierRow(Guid Id, string ExternalReference, string Name, string Country, string? Address, int Tier, Guid? ParentId, string Status,
        string? Lei, string? Duns, string? Uscc, string? OpenSupplyHubId, DateTime CreatedAt, DateTime UpdatedAt);
}
