using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Compliance.Domain.Tenancy;
using Compliance.Tests.Fixtures;
using Compliance.Tests.Integration.Grievances;
using Compliance.Web.Features.Grievances;
using Compliance.Web.Infrastructure.Jobs;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Compliance.Tests.Integration.Import;
using Compliance.Web.Features.Suppliers.Import;
using Microsoft.AspNetCore.TestHost;
using Quartz;

namespace Compliance.Tests.Integration.Production;

/// <summary>Two instances of the app on one PostgreSQL database, as behind a load balancer: nothing lives in one process only.</summary>
public sealed class TwoInstanceTests
{
    private static readonly Dictionary<string, string?> Cluster = new()
    {
        ["Jobs:ClusterCheckinSeconds"] = "1",
        ["Jobs:ClusterCheckinMisfireSeconds"] = "3",
    };

    [Fact]
    public async Task What_one_instance_encrypts_the_other_reads_and_a_job_runs_once_across_both()
    {
        var connectionString = await (await PostgresServer.InstanceAsync()).CreateDatabaseAsync();
        await using var a = new ComplianceApp(DatabaseProvider.Postgres, connectionString, Cluster);
        await using var b = new ComplianceApp(DatabaseProvider.Postgres, connectionString, Cluster);
        a.CreateClient().Dispose();
        b.CreateClient().Dispose();

        // A worker reports through instance A; the handler reads it through instance B.
        var org = await a.SignUpAsync("Alpha Apparel");
        var (receipt, passphrase) = await GrievanceTests.ReportAsync(org);
        using var handlerOnB = await (org with { App = b }).ClientAsync(nameof(Role.GrievanceHandler));
        var list = await handlerOnB.GetFromJsonAsync<JsonElement>("/api/v1/grievances");
        var id = list.GetProperty("page").GetProperty("items")[0].GetProperty("id").GetGuid();
        var file = await handlerOnB.GetFromJsonAsync<JsonElement>($"/api/v1/grievances/{id}");
        Assert.StartsWith("Our supervisor keeps our passports", file.GetProperty("content").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, (await handlerOnB.PostAsJsonAsync($"/api/v1/grievances/{id}/messages", new { body = "Written on B." })).StatusCode);
        // …and the reporter reads B's answer through A.
        var seen = await (await GrievanceTests.FollowUpAsync(org, receipt, passphrase)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Written on B.", seen.GetProperty("messages")[0].GetProperty("body").GetString());

        // A sign-in cookie issued by A is honoured by B: no sticky sessions needed.
        var login = a.Client(handleCookies: false);
        var form = await login.GetAsync("/Account/Login");
        var antiforgeryCookie = string.Join("; ", form.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        var token = System.Text.RegularExpressions.Regex.Match(await form.Content.ReadAsStringAsync(), "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var post = new HttpRequestMessage(HttpMethod.Post, "/Account/Login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = org.AdminEmail, ["Input.Password"] = TestOrganization.Password, ["__RequestVerificationToken"] = token }),
        };
        post.Headers.Add("Cookie", antiforgeryCookie);
        var signedIn = await login.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var cookie = string.Join("; ", signedIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        var onB = b.Client(handleCookies: false);
        using var page = new HttpRequestMessage(HttpMethod.Get, "/Grievances");
        page.Headers.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.OK, (await onB.SendAsync(page)).StatusCode);

        // One firing of a scheduled job, asked of instance A, runs on exactly one of the two.
        var schedulers = new[] { await Scheduler(a), await Scheduler(b) };
        Assert.All(schedulers, s => Assert.Equal(SchedulerStatus.Running, s.Status));
        var before = await ExecutedAsync(schedulers);
        await schedulers[0].TriggerJob(JobSetup.KeyOf<GrievanceSlaWatch>());
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await ExecutedAsync(schedulers) == before && DateTime.UtcNow < deadline) await Task.Delay(200);
        await Task.Delay(TimeSpan.FromSeconds(4)); // long enough for a second, wrong, firing to show
        Assert.Equal(before + 1, await ExecutedAsync(schedulers));
        var metadata = await schedulers[0].GetMetadata();
        Assert.True(metadata.JobStoreClustered);
        Assert.True(metadata.JobStorePersistent);
        Assert.NotEqual(metadata.SchedulerInstanceId, (await schedulers[1].GetMetadata()).SchedulerInstanceId);
    }

    [Fact]
    public async Task Two_instances_starting_together_on_an_empty_database_make_one_key_ring_one_demo_organization_and_one_copy_of_each_bundled_list()
    {
        var connectionString = await (await PostgresServer.InstanceAsync()).CreateDatabaseAsync();
        var settings = new Dictionary<string, string?>(Cluster) { ["Compliance:SeedDemo"] = "true" };
        await using var a = new ComplianceApp(DatabaseProvider.Postgres, connectionString, settings);
        await using var b = new ComplianceApp(DatabaseProvider.Postgres, connectionString, settings);
        await Task.WhenAll(Task.Run(() => a.CreateClient().Dispose()), Task.Run(() => b.CreateClient().Dispose()));

        await using var scope = a.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplianceDbContext>();
        Assert.Equal(1, await db.DataProtectionKeys.CountAsync());
        Assert.Equal(["demo"], await db.Organizations.Select(o => o.Slug).ToListAsync());
        var lists = await db.RiskLists.IgnoreQueryFilters().Select(l => new { l.Kind, l.Name, l.Edition, l.Sha256 }).ToListAsync();
        Assert.NotEmpty(lists);
        Assert.Equal(lists.Count, lists.Distinct().Count());
    }

    [Fact]
    public async Task An_import_whose_instance_dies_mid_way_is_finished_by_the_other_with_every_row_once()
    {
        var connectionString = await (await PostgresServer.InstanceAsync()).CreateDatabaseAsync();
        var azurite = await AzuriteServer.InstanceAsync();
        // Separate data folders: the upload reaches the other instance through the shared blob store, not a shared disk.
        var settings = new Dictionary<string, string?>(Cluster)
        {
            ["Imports:BatchSize"] = "3", ["Imports:PollInterval"] = "00:00:00.100", ["Imports:Lease"] = "00:00:01",
            ["Blobs:Provider"] = "Azure", ["Blobs:Azure:ServiceUri"] = azurite.ServiceUri.AbsoluteUri, ["Blobs:Azure:AccountName"] = AzuriteServer.AccountName,
            ["Blobs:Azure:AccountKey"] = AzuriteServer.AccountKey, ["Blobs:Azure:Container"] = $"two-instances-{Guid.NewGuid():N}"[..40],
        };
        var hang = new HangAfterFirstBatch();
        var a = new ComplianceApp(DatabaseProvider.Postgres, connectionString, settings);
        var hanging = a.WithWebHostBuilder(w => w.ConfigureTestServices(s => s.AddSingleton<IImportObserver>(hang)));
        var owner = await ImportApi.SignUpAsync(hanging);
        var rows = Enumerable.Range(1, 10).Select(i => $"R-{i:D3},Supplier {i},CN\n");
        var upload = await owner.UploadAsync(System.Text.Encoding.UTF8.GetBytes("ref,name,country\n" + string.Concat(rows)));
        var id = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!hang.Hung && DateTime.UtcNow < deadline) await Task.Delay(50);
        Assert.True(hang.Hung);
        Assert.Equal(3, (await owner.GetAsync(id)).GetProperty("processedRows").GetInt32());

        // Instance A is gone (its host stops mid-import), and B, with a data folder of its own, takes the import over.
        await hanging.DisposeAsync();
        await a.DisposeAsync();
        await using var b = new ComplianceApp(DatabaseProvider.Postgres, connectionString, settings);
        var client = b.CreateClient();
        client.DefaultRequestHeaders.Authorization = owner.Client.DefaultRequestHeaders.Authorization;
        var api = new ImportApi(client);
        var summary = await api.WaitAsync(id);
        Assert.Equal("Completed", summary.GetProperty("status").GetString());
        Assert.Equal(10, summary.GetProperty("addedRows").GetInt32());
        var references = (await api.SuppliersAsync()).GetProperty("items").EnumerateArray().Select(x => x.GetProperty("externalReference").GetString()).ToList();
        Assert.Equal(Enumerable.Range(1, 10).Select(i => $"R-{i:D3}"), references.Order(StringComparer.Ordinal));
    }

    /// <summary>Stops the import worker for good after its first batch has committed, as a frozen or dying instance would.</summary>
    private sealed class HangAfterFirstBatch : IImportObserver
    {
        private int hung;

        public bool Hung => Volatile.Read(ref hung) == 1;

        public async Task BatchCommittedAsync(Guid importId, int batchNumber, int nextRow, CancellationToken ct)
        {
            if (Interlocked.Exchange(ref hung, 1) == 1) return;
            await Task.Delay(Timeout.Infinite, ct);
        }
    }

    private static async Task<IScheduler> Scheduler(ComplianceApp app) => await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

    private static async Task<int> ExecutedAsync(IEnumerable<IScheduler> schedulers)
    {
        var total = 0;
        foreach (var s in schedulers) total += (await s.GetMetadata()).JobsExecuted;
        return total;
    }
}
