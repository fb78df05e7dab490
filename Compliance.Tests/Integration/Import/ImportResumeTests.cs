using System.Text;
using System.Text.Json;
using Compliance.Tests.Fixtures;
using Compliance.Web.Infrastructure.Persistence;
using Compliance.Web.Features.Suppliers.Import;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Compliance.Tests.Integration.Import;

/// <summary>A worker that dies between batches: the import resumes from the last committed row and every row lands exactly once.</summary>
public sealed class ImportResumeTests
{
    private static readonly Dictionary<string, string?> SmallBatches = new()
    {
        ["Imports:BatchSize"] = "3",
        ["Imports:PollInterval"] = "00:00:00.100",
        ["Imports:Lease"] = "00:00:01",
    };

    private static byte[] File(int rows) => Encoding.UTF8.GetBytes("ref,name,country,parent\n" + string.Concat(
        Enumerable.Range(1, rows).Select(i => $"R-{i:D3},Supplier {i},CN,{(i == 2 ? $"R-{rows:D3}" : "")}\n")));

    /// <summary>Throws once, or hangs for ever, after the given batch has committed.</summary>
    private sealed class Crash(int afterBatch, bool hang) : IImportObserver
    {
        private int fired;

        /// <summary>1 once the crash happened (batch numbers restart with each attempt, so later batches with the same number pass).</summary>
        public int Crashes => Volatile.Read(ref fired);

        public async Task BatchCommittedAsync(Guid importId, int batchNumber, int nextRow, CancellationToken ct)
        {
            if (batchNumber != afterBatch || Interlocked.Exchange(ref fired, 1) == 1) return;
            if (hang) await Task.Delay(Timeout.Infinite, ct);
            throw new InvalidOperationException("Simulated crash between batches.");
        }
    }

    private static async Task AssertEveryRowOnceAsync(ImportApi api, JsonElement summary, int rows)
    {
        Assert.Equal("Completed", summary.GetProperty("status").GetString());
        Assert.Equal((rows, rows, rows, 0), (summary.Count("processedRows"), summary.Count("addedRows"), summary.Count("totalRows"), summary.Count("rejectedRows")));
        var items = (await api.SuppliersAsync()).GetProperty("items").EnumerateArray().Select(s => s.GetProperty("externalReference").GetString()).ToList();
        Assert.Equal(Enumerable.Range(1, rows).Select(i => $"R-{i:D3}"), items.Order(StringComparer.Ordinal));
        Assert.True((await api.VerifyAuditAsync()).GetProperty("intact").GetBoolean());
    }

    [Theory]
    [MemberData(nameof(ComplianceApp.Providers), MemberType = typeof(ComplianceApp))]
    public async Task After_a_crash_between_batches_the_import_resumes_and_every_row_is_written_once(DatabaseProvider provider)
    {
        var crash = new Crash(afterBatch: 2, hang: false);
        await using var app = await ComplianceApp.StartAsync(provider, SmallBatches);
        await using var crashing = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IImportObserver>(crash)));
        var api = await ImportApi.SignUpAsync(crashing, "Resume Org");

        var summary = await api.ImportAsync(File(10));

        Assert.Equal(1, crash.Crashes);
        await AssertEveryRowOnceAsync(api, summary, 10);
    }

    [Theory]
    [MemberData(nameof(ComplianceApp.Providers), MemberType = typeof(ComplianceApp))]
    public async Task A_hung_worker_loses_its_lease_and_another_instance_finishes_the_import(DatabaseProvider provider)
    {
        var hang = new Crash(afterBatch: 1, hang: true);
        var database = provider == DatabaseProvider.Postgres ? await (await PostgresServer.InstanceAsync()).CreateDatabaseAsync() : null;
        await using var first = new ComplianceApp(provider, database, SmallBatches);
        await using var hanging = first.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IImportObserver>(hang)));
        var owner = await ImportApi.SignUpAsync(hanging);
        var response = await owner.UploadAsync(File(10));
        var id = (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<JsonElement>(response.Content)).GetProperty("id").GetGuid();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (hang.Crashes == 0 && DateTime.UtcNow < deadline) await Task.Delay(50);
        Assert.Equal(3, (await owner.GetAsync(id)).Count("processedRows"));

        // A second instance on the same database and data folder: it claims the import once the lease runs out.
        await using var second = new ComplianceApp(provider, database, new Dictionary<string, string?>(SmallBatches) { ["Compliance:DataPath"] = first.DataPath });
        var secondClient = second.CreateClient();
        secondClient.DefaultRequestHeaders.Authorization = owner.Client.DefaultRequestHeaders.Authorization;
        var api = new ImportApi(secondClient);

        await AssertEveryRowOnceAsync(api, await api.WaitAsync(id), 10);
    }

    [Theory]
    [MemberData(nameof(ComplianceApp.Providers), MemberType = typeof(ComplianceApp))]
    public async Task An_import_that_keeps_crashing_is_marked_failed_with_its_committed_rows_listed(DatabaseProvider provider)
    {
        await using var app = await ComplianceApp.StartAsync(provider, new Dictionary<string, string?>(SmallBatches) { ["Imports:MaxAttempts"] = "2" });
        await using var crashing = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IImportObserver>(new AlwaysCrash())));
        var api = await ImportApi.SignUpAsync(crashing);

        var summary = await api.ImportAsync(File(10));

        Assert.Equal("Failed", summary.GetProperty("status").GetString());
        Assert.Contains("stopped 2 times", summary.GetProperty("failureReason").GetString(), StringComparison.Ordinal);
        // Attempt 1 committed rows 2-4, attempt 2 rows 5-7: exactly those suppliers exist.
        Assert.Equal(7, summary.GetProperty("committedThroughRow").GetInt32());
        Assert.Equal(6, summary.Count("addedRows"));
        var items = (await api.SuppliersAsync()).GetProperty("items").EnumerateArray().Select(s => s.GetProperty("externalReference").GetString()).ToList();
        Assert.Equal(Enumerable.Range(1, 6).Select(i => $"R-{i:D3}"), items.Order(StringComparer.Ordinal));
        Assert.True((await api.VerifyAuditAsync()).GetProperty("intact").GetBoolean());
    }

    [Theory]
    [MemberData(nameof(ComplianceApp.Providers), MemberType = typeof(ComplianceApp))]
    public async Task A_transaction_commits_once_it_has_been_open_MaxTransactionTime_however_few_rows_it_holds(DatabaseProvider provider)
    {
        // 12,000 rows travel in chunks of the writer's size; with no time allowed, each chunk is its own transaction.
        var commits = new Commits();
        await using var app = await ComplianceApp.StartAsync(provider, new Dictionary<string, string?>
        {
            ["Imports:BatchSize"] = "1000000", ["Imports:MaxTransactionTime"] = "00:00:00",
        });
        await using var observed = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IImportObserver>(commits)));
        var api = await ImportApi.SignUpAsync(observed, "Timed Org");
        var file = Encoding.UTF8.GetBytes("ref,name,country\n" + string.Concat(Enumerable.Range(1, 12_000).Select(i => $"T-{i:D5},Supplier {i},VN\n")));

        var summary = await api.ImportAsync(file);

        Assert.Equal((12_000, 12_000), (summary.Count("addedRows"), summary.Count("processedRows")));
        int chunk;
        await using (var scope = observed.Services.CreateAsyncScope()) chunk = scope.ServiceProvider.GetRequiredService<ISupplierBatchWriter>().ChunkRows;
        Assert.Equal(Enumerable.Range(1, (12_000 + chunk - 1) / chunk).Select(i => (i, Math.Min(i * chunk, 12_000) + 2)), commits.Seen);
    }

    private sealed class Commits : IImportObserver
    {
        private readonly List<(int Batch, int NextRow)> seen = [];

        public List<(int Batch, int NextRow)> Seen { get { lock (seen) return [.. seen]; } }

        public Task BatchCommittedAsync(Guid importId, int batchNumber, int nextRow, CancellationToken ct)
        {
            lock (seen) seen.Add((batchNumber, nextRow));
            return Task.CompletedTask;
        }
    }

    /// <summary>After the first batch commits, someone adds by hand a supplier whose reference comes later in the file.</summary>
    private sealed class AddMeanwhile : IImportObserver
    {
        public Func<Task>? Add { get; set; }
        private int fired;

        public async Task BatchCommittedAsync(Guid importId, int batchNumber, int nextRow, CancellationToken ct)
        {
            if (batchNumber == 1 && Interlocked.Exchange(ref fired, 1) == 0 && Add is { } add) await add();
        }
    }

    [Theory]
    [MemberData(nameof(ComplianceApp.Providers), MemberType = typeof(ComplianceApp))]
    public async Task A_reference_added_during_the_import_fails_its_batch_once_and_the_retry_updates_it(DatabaseProvider provider)
    {
        // New suppliers are inserted, not upserted (SQLite: INSERT; PostgreSQL: COPY): the unique index refuses the batch
        // with the reference added meanwhile, and the next attempt, which looks up the references again, updates it.
        var meanwhile = new AddMeanwhile();
        await using var app = await ComplianceApp.StartAsync(provider, SmallBatches);
        await using var observed = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IImportObserver>(meanwhile)));
        var api = await ImportApi.SignUpAsync(observed, "Meanwhile Org");
        meanwhile.Add = async () =>
        {
            var added = await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(api.Client, "/api/v1/suppliers",
                new { externalReference = "R-008", name = "Added By Hand", country = "VN" });
            Assert.Equal(System.Net.HttpStatusCode.Created, added.StatusCode);
        };

        var summary = await api.ImportAsync(File(10));

        Assert.Equal("Completed", summary.GetProperty("status").GetString());
        Assert.Equal((10, 9, 1, 0), (summary.Count("processedRows"), summary.Count("addedRows"), summary.Count("updatedRows"), summary.Count("rejectedRows")));
        var items = (await api.SuppliersAsync()).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(1, 10).Select(i => $"R-{i:D3}"), items.Select(s => s.GetProperty("externalReference").GetString()).Order(StringComparer.Ordinal));
        var r8 = items.Single(s => s.GetProperty("externalReference").GetString() == "R-008");
        Assert.Equal(("Supplier 8", "CN"), (r8.GetProperty("name").GetString(), r8.GetProperty("country").GetString()));
        Assert.True((await api.VerifyAuditAsync()).GetProperty("intact").GetBoolean());
    }

    private sealed class AlwaysCrash : IImportObserver
    {
        public Task BatchCommittedAsync(Guid importId, int batchNumber, int nextRow, CancellationToken ct) =>
            throw new InvalidOperationException("Simulated crash after every batch.");
    }
}
