using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Compliance.Tests.Fixtures;
using Compliance.Web.Infrastructure.Persistence;
using Xunit.Abstractions;

namespace Compliance.Tests.Integration.Production;

/// <summary>
/// The load-and-fault suite at a small size: wrk drives the API on loopback for a bounded time while broken files are
/// uploaded, a writer creates suppliers, PostgreSQL is stopped and started again, and the blob store's disk is full.
/// Afterwards: no 5xx but the 503s of the outage, the app recovered, and every acknowledged write is there exactly once
/// (and no refused one, but the one the kill caught while committing).
/// Size and duration: LOAD_SECONDS (default 8) and LOAD_CONNECTIONS (default 16).
/// </summary>
public sealed partial class LoadAndFaultTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Under_load_a_database_restart_broken_uploads_and_a_full_disk_fail_cleanly_and_lose_nothing()
    {
        var seconds = int.Parse(Environment.GetEnvironmentVariable("LOAD_SECONDS") ?? "8", CultureInfo.InvariantCulture);
        var connections = int.Parse(Environment.GetEnvironmentVariable("LOAD_CONNECTIONS") ?? "16", CultureInfo.InvariantCulture);
        // On demand, larger: LOAD_SECONDS=60 LOAD_CONNECTIONS=64 ./test.sh --filter LoadAndFaultTests
        Assert.True(File.Exists("/usr/bin/wrk"), "wrk is missing: ./test.sh installs Debian's wrk package.");
        var server = await PostgresServer.StartPrivateAsync();
        await using var app = new ComplianceApp(DatabaseProvider.Postgres, await server.CreateDatabaseAsync(),
            new Dictionary<string, string?> { ["Evidence:MaxBytes"] = (4 * 1024 * 1024).ToString(CultureInfo.InvariantCulture) });
        var blobs = Directory.CreateDirectory(Path.Combine(app.DataPath, "blobs")).FullName;
        Mount(blobs, "192k");
        try
        {
            var baseAddress = app.StartKestrel();
            var org = await app.SignUpAsync("Alpha Apparel");
            var first = await org.CreateSupplierAsync("SEED-1", "深圳市华强电子有限公司");
            using var admin = org.Admin();

            // A full disk: the upload is refused with 507 and nothing is recorded.
            using (var upload = new MultipartFormDataContent())
            {
                upload.Add(new StringContent("Supplier"), "ownerType");
                upload.Add(new StringContent(first.ToString()), "ownerId");
                var pdf = new byte[1024 * 1024];
                "%PDF-1.7\n"u8.CopyTo(pdf);
                upload.Add(new ByteArrayContent(pdf) { Headers = { ContentType = new MediaTypeHeaderValue("application/pdf") } }, "file", "audit-report.pdf");
                var full = await admin.PostAsync("/api/v1/evidence", upload);
                Assert.Equal(HttpStatusCode.InsufficientStorage, full.StatusCode);
                Assert.Equal(0, (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/evidence?ownerType=Supplier&ownerId={first}")).GetArrayLength());
            }

            var script = Path.Combine(app.DataPath, "load.lua");
            await File.WriteAllTextAsync(script, LuaScript(org.AdminToken, [$"/api/v1/suppliers?page=1", $"/api/v1/suppliers/{first}", "/api/v1/suppliers?search=Shenzhen", "/api/v1/grievances", "/health",
                "/odata/Suppliers?$filter=Country%20eq%20'CN'%20and%20Tier%20le%202&$orderby=Name&$top=50"]));
            var wrk = Process.Start(new ProcessStartInfo("/usr/bin/wrk", ["-t2", $"-c{connections}", $"-d{seconds}s", "--latency", "-s", script, baseAddress.ToString().TrimEnd('/')])
            {
                RedirectStandardOutput = true, RedirectStandardError = true,
            })!;
            var wrkOutput = wrk.StandardOutput.ReadToEndAsync();

            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
            var writer = WriteSuppliersAsync(admin, stop.Token);
            var brokenUploads = UploadBrokenFilesAsync(admin, stop.Token);
            await Task.Delay(TimeSpan.FromSeconds(seconds / 4.0));
            await server.StopAsync();
            output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} PostgreSQL stopped");
            await Task.Delay(TimeSpan.FromSeconds(seconds / 4.0));
            await server.StartAgainAsync();
            output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} PostgreSQL started");
            var written = await writer;
            var uploadAnswers = await brokenUploads;
            await wrk.WaitForExitAsync();
            var report = await wrkOutput;
            output.WriteLine(report);

            var statuses = StatusLine().Matches(report).ToDictionary(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), m => int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
            Assert.NotEmpty(statuses);
            Assert.DoesNotContain(statuses, s => s.Key >= 500 && s.Key != 503);
            Assert.True(statuses.GetValueOrDefault(200) > 0, "no request succeeded under load");
            output.WriteLine($"writes acknowledged {written.Count(w => w.Created)}, refused with 503 {written.Count(w => w.Status == HttpStatusCode.ServiceUnavailable)}; broken uploads answered {string.Join(", ", uploadAnswers.Distinct())}");
            Assert.All(written, w => Assert.True(w.Status is HttpStatusCode.Created or HttpStatusCode.ServiceUnavailable, $"a write answered {(int)w.Status}"));
            Assert.All(uploadAnswers, s => Assert.True(s is HttpStatusCode.BadRequest or HttpStatusCode.ServiceUnavailable, $"a broken upload answered {(int)s}"));

            // Recovered, and every acknowledged write is there exactly once; no refused one is.
            var stored = new List<string>();
            for (var page = 1; ; page++)
            {
                JsonElement list = default;
                for (var i = 0; i < 50 && list.ValueKind != JsonValueKind.Object; i++)
                {
                    var response = await admin.GetAsync($"/api/v1/suppliers?pageSize=200&page={page}&search=LOAD-");
                    if (response.StatusCode == HttpStatusCode.OK) list = await response.Content.ReadFromJsonAsync<JsonElement>();
                    else await Task.Delay(200);
                }
                Assert.Equal(JsonValueKind.Object, list.ValueKind);
                stored.AddRange(list.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("externalReference").GetString()!));
                if (page >= list.GetProperty("pageCount").GetInt32()) break;
            }
            // Each acknowledged write is stored, once. Of the refused ones only the write in flight when PostgreSQL was killed
            // can be stored too: its COMMIT can reach the WAL with the answer lost in the kill (the app then answers 503
            // without knowing). The writer is sequential, so that is the first write refused, and at most that one.
            Assert.Equal(stored.Count, stored.Distinct(StringComparer.Ordinal).Count());
            var acknowledged = written.Where(w => w.Created).Select(w => w.Reference).ToList();
            var inFlightAtKill = written.FirstOrDefault(w => w.Status == HttpStatusCode.ServiceUnavailable)?.Reference;
            var storedUnacknowledged = stored.Except(acknowledged, StringComparer.Ordinal).ToList();
            output.WriteLine($"stored {stored.Count}; refused but stored: {(storedUnacknowledged.Count == 0 ? "none" : string.Join(", ", storedUnacknowledged))} (first refused: {inFlightAtKill})");
            Assert.Empty(acknowledged.Except(stored, StringComparer.Ordinal));
            Assert.All(storedUnacknowledged, r => Assert.Equal(inFlightAtKill, r));
        }
        finally
        {
            Unmount(blobs);
            await server.StopAsync();
        }
    }

    private sealed record Write(string Reference, HttpStatusCode Status)
    {
        public bool Created => Status == HttpStatusCode.Created;
    }

    private static async Task<List<Write>> WriteSuppliersAsync(HttpClient admin, CancellationToken stop)
    {
        var writes = new List<Write>();
        for (var i = 1; !stop.IsCancellationRequested; i++)
        {
            var reference = $"LOAD-{i:D5}";
            var response = await admin.PostAsJsonAsync("/api/v1/suppliers", new { externalReference = reference, name = $"Load Test Supplier {i}", country = "VN" }, CancellationToken.None);
            writes.Add(new Write(reference, response.StatusCode));
            await Task.Delay(50, CancellationToken.None);
        }
        return writes;
    }

    private static async Task<List<HttpStatusCode>> UploadBrokenFilesAsync(HttpClient admin, CancellationToken stop)
    {
        byte[][] broken =
        [
            [],
            "PK\u0003\u0004 this is not really a workbook"u8.ToArray(),
            "ref;name\n\"unterminated;quote\n"u8.ToArray(),
            [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00],
        ];
        var answers = new List<HttpStatusCode>();
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            using var form = new MultipartFormDataContent { { new ByteArrayContent(broken[i % broken.Length]), "file", i % 2 == 0 ? "suppliers.xlsx" : "suppliers.csv" } };
            answers.Add((await admin.PostAsync("/api/v1/suppliers/imports", form, CancellationToken.None)).StatusCode);
            await Task.Delay(100, CancellationToken.None);
        }
        return answers;
    }

    /// <summary>Cycles through the paths with the token and counts every status per thread; prints them and p50/p99 at the end.</summary>
    private static string LuaScript(string token, IReadOnlyList<string> paths) => $$"""
        local paths = { {{string.Join(", ", paths.Select(p => $"\"{p}\""))}} }
        local threads = {}
        function setup(thread) table.insert(threads, thread) end
        function init(args) counts = {}; i = 0 end
        function request()
          i = i + 1
          return wrk.format("GET", paths[(i % #paths) + 1], { ["Authorization"] = "Bearer {{token}}" })
        end
        function response(status, headers, body) counts[status] = (counts[status] or 0) + 1 end
        function done(summary, latency, requests)
          local total = {}
          for _, t in ipairs(threads) do
            for s, n in pairs(t:get("counts")) do total[s] = (total[s] or 0) + n end
          end
          for s, n in pairs(total) do io.write(string.format("status %d %d\n", s, n)) end
          io.write(string.format("p50 %.1f ms\np99 %.1f ms\nrequests %d in %.1f s\n", latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.requests, summary.duration / 1e6))
        end
        """;

    [GeneratedRegex(@"^status (\d+) (\d+)$", RegexOptions.Multiline)]
    private static partial Regex StatusLine();

    // The disk-full fault: a tiny tmpfs over the blob folder (the suite runs as root, as CI does).
    private static void Mount(string folder, string size) => Run("mount", "-t", "tmpfs", "-o", $"size={size}", "tmpfs", folder);

    private static void Unmount(string folder)
    {
        try { Run("umount", folder); } catch (InvalidOperationException) { }
    }

    private static void Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program, args) { RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{program} {string.Join(' ', args)}: {error} (the load-and-fault suite needs root, as CI has)");
    }
}
