using System.Net.Http.Json;
using System.Text.Json;
using Compliance.Domain.Screening;
using Compliance.Tests.Fixtures;
using Compliance.Web.Features.Screening;
using Compliance.Web.Infrastructure.Persistence;
using Compliance.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using static Compliance.Tests.Integration.Screening.ScreeningApi;

namespace Compliance.Tests.Integration.Screening;

public sealed class RescreenTests
{
    [Fact]
    public async Task The_nightly_job_rescreens_every_organization_and_notifies_only_new_hits()
    {
        await using var app = new ComplianceApp();
        var a = await app.SignUpAsync("Alpha Apparel");
        var b = await app.SignUpAsync("Beta Beverages");
        using var clientA = a.Admin();
        using var clientB = b.Admin();
        await SupplierAsync(clientA, "C-1", "Kashgar Textile Trading", "CN", new { name = "Cotton yarn" });
        await SupplierAsync(clientB, "K-1", "Abidjan Cocoa Export", "CI", new { name = "Cocoa beans" });

        await TriggerAsync(app);
        await WaitForIdleAsync(clientA);
        await WaitForIdleAsync(clientB);
        async Task<int> NoticesAsync(HttpClient c) => (await c.GetFromJsonAsync<JsonElement>("/api/v1/notifications")).GetProperty("items").EnumerateArray()
            .Count(n => n.GetProperty("kind").GetString()!.StartsWith("ScreeningHit", StringComparison.Ordinal));
        Assert.Equal(1, await NoticesAsync(clientA));
        Assert.Equal(1, await NoticesAsync(clientB));
        Assert.Contains((await clientA.GetFromJsonAsync<JsonElement>("/api/v1/screening/runs")).EnumerateArray(), r => r.GetProperty("trigger").GetString() == "Nightly");
        Assert.Contains(await HitsAsync(clientB), h => h.GetProperty("good").GetString() == "Cocoa");
        Assert.DoesNotContain(await HitsAsync(clientA), h => h.GetProperty("good").GetString() == "Cocoa");

        // The next night finds the same hits: no new notice.
        await TriggerAsync(app);
        await WaitForIdleAsync(clientA);
        Assert.Equal(1, await NoticesAsync(clientA));
    }

    [Fact]
    public async Task A_new_platform_edition_rescreens_every_organization()
    {
        await using var app = new ComplianceApp();
        var ops = await app.SignUpAsync("Platform Ops");
        var other = await app.SignUpAsync("Beta Beverages");
        using var opsClient = ops.Admin();
        using var otherClient = other.Admin();
        await SupplierAsync(otherClient, "T-1", "Hanoi Tea Export", "VN", new { name = "Tea" });
        app.Services.GetRequiredService<IConfiguration>()["Screening:PlatformOperators"] = ops.Id.ToString();

        var response = await UploadListAsync(opsClient, "good,country,child_labor,forced_labor,forced_child_labor\nTea,Vietnam,false,true,false\n",
            kind: "dol-goods", name: "DOL TVPRA List of Goods", edition: "2026");
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);

        var until = DateTime.UtcNow.AddSeconds(30);
        while (!(await otherClient.GetFromJsonAsync<JsonElement>("/api/v1/screening/runs")).EnumerateArray().Any(r => r.GetProperty("trigger").GetString() == "NewListEdition"))
        {
            Assert.True(DateTime.UtcNow < until, "no re-screen was queued");
            await Task.Delay(100);
        }
        await WaitForIdleAsync(otherClient);
        var hit = Assert.Single(await HitsAsync(otherClient), h => h.GetProperty("good").GetString() == "Tea");
        Assert.Equal("2026", hit.GetProperty("edition").GetString());
    }

    [Fact]
    public async Task Stored_editions_are_immutable_and_platform_lists_need_the_platform_right()
    {
        await using var app = new ComplianceApp();
        var org = await app.SignUpAsync("Alpha Apparel");
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplianceDbContext>();
        db.Tenant.Use(org.Id);

        var list = await db.RiskLists.FirstAsync(l => l.Kind == RiskListKind.DolGoods);
        list.Edition = "2099";
        await Assert.ThrowsAsync<CrossTenantWriteException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();

        db.RiskLists.Remove(await db.RiskLists.FirstAsync(l => l.Kind == RiskListKind.Entity));
        await Assert.ThrowsAsync<CrossTenantWriteException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();

        db.RiskLists.Add(new RiskList { Name = "Forged", Edition = "1", Source = "test", Sha256 = new string('0', 64), ImportedBy = "test" });
        await Assert.ThrowsAsync<CrossTenantWriteException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();

        db.RiskLists.Add(new RiskList { OwnerOrganizationId = Guid.NewGuid(), Kind = RiskListKind.Entity, Name = "Someone else's", Edition = "1", Source = "test", Sha256 = new string('0', 64), ImportedBy = "test" });
        await Assert.ThrowsAsync<CrossTenantWriteException>(() => db.SaveChangesAsync());
    }

    /// <summary>Fires the job through Quartz, as its schedule would, and waits until it has queued the runs.</summary>
    private static async Task TriggerAsync(ComplianceApp app)
    {
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var done = new TaskCompletionSource();
        var listener = new CompletionListener(done);
        scheduler.ListenerManager.AddJobListener(listener);
        try
        {
            await scheduler.TriggerJob(RescreenJob.Key);
            await done.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            scheduler.ListenerManager.RemoveJobListener(listener.Name);
        }
    }

    private sealed class CompletionListener(TaskCompletionSource done) : IJobListener
    {
        public string Name { get; } = $"test-{Guid.NewGuid():N}";
        public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
        public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
        {
            if (!Equals(context.JobDetail.Key, RescreenJob.Key)) return ValueTask.CompletedTask;
            if (jobException is null) done.TrySetResult();
            else done.TrySetException(jobException);
            return ValueTask.CompletedTask;
        }
    }
}
