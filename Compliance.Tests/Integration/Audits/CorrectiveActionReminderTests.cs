using System.Net.Http.Json;
using System.Text.Json;
using Compliance.Tests.Fixtures;
using Compliance.Web.Features.Audits;
using Compliance.Web.Infrastructure.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using static Compliance.Tests.Integration.Audits.AuditApiTests;

namespace Compliance.Tests.Integration.Audits;

public sealed class CorrectiveActionReminderTests
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task The_scheduled_job_raises_one_notice_per_action_due_soon_or_overdue_in_each_organization()
    {
        await using var app = new ComplianceApp();
        var a = await app.SignUpAsync("Alpha Apparel");
        var b = await app.SignUpAsync("Beta Beverages");
        using var clientA = a.Admin();
        using var clientB = b.Admin();
        var supplier = await a.CreateSupplierAsync("A-1", "Alpha Knitting Mill");
        var auditId = (await PostAsync(clientA, "/api/v1/audits", AuditBody(supplier, Today.AddDays(-40)))).GetProperty("id").GetGuid();
        var findingId = (await PostAsync(clientA, $"/api/v1/audits/{auditId}/findings", new { iloIndicator = "DebtBondage", severity = "ZeroTolerance", description = "Workers repay recruitment loans from wages" })).GetProperty("id").GetGuid();
        await PostAsync(clientA, $"/api/v1/findings/{findingId}/actions", new { description = "Cancel all worker debts", owner = "Supplier owner" }); // due day -10: overdue
        await PostAsync(clientA, $"/api/v1/findings/{findingId}/actions", new { description = "Sign a no-fee recruitment policy", owner = "Supplier HR", dueDate = Today.AddDays(3) });
        await PostAsync(clientA, $"/api/v1/findings/{findingId}/actions", new { description = "Train agents", owner = "Supplier HR", dueDate = Today.AddDays(30) });

        await RunJobAsync(app);
        await RunJobAsync(app); // again: nothing new

        var notices = await clientA.GetFromJsonAsync<JsonElement>("/api/v1/notifications");
        var kinds = notices.GetProperty("items").EnumerateArray().Select(n => n.GetProperty("kind").GetString()).Order().ToList();
        Assert.Equal(["CorrectiveActionDueSoon", "CorrectiveActionOverdue"], kinds);
        Assert.Equal(2, notices.GetProperty("unread").GetInt32());
        Assert.Contains(notices.GetProperty("items").EnumerateArray(), n => n.GetProperty("message").GetString()!.Contains("Cancel all worker debts", StringComparison.Ordinal));
        Assert.Empty((await clientB.GetFromJsonAsync<JsonElement>("/api/v1/notifications")).GetProperty("items").EnumerateArray());

        var first = notices.GetProperty("items")[0].GetProperty("id").GetGuid();
        (await clientA.PostAsync($"/api/v1/notifications/{first}/read", null)).EnsureSuccessStatusCode();
        Assert.Equal(1, (await clientA.GetFromJsonAsync<JsonElement>("/api/v1/notifications")).GetProperty("unread").GetInt32());
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await clientB.PostAsync($"/api/v1/notifications/{first}/read", null)).StatusCode);
    }

    /// <summary>Fires the job through Quartz, as its schedule would, and waits for it to finish.</summary>
    private static async Task RunJobAsync(ComplianceApp app)
    {
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var done = new TaskCompletionSource();
        var listener = new CompletionListener(done);
        scheduler.ListenerManager.AddJobListener(listener);
        try
        {
            await scheduler.TriggerJob(JobSetup.KeyOf<CorrectiveActionReminders>());
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
            if (jobException is null) done.TrySetResult();
            else done.TrySetException(jobException);
            return ValueTask.CompletedTask;
        }
    }
}
