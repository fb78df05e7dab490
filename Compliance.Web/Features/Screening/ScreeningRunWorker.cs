using Compliance.Domain.Screening;
using Compliance.Web.Infrastructure.Persistence;
using Compliance.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Web.Features.Screening;

/// <summary>Wakes the worker when a run is queued; a hint only, the queue is the database.</summary>
public sealed class ScreeningSignal : IDisposable
{
    private readonly SemaphoreSlim signal = new(0, 1);

    public void Notify()
    {
        if (signal.CurrentCount == 0) signal.Release();
    }

    public async Task WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        try { await signal.WaitAsync(timeout, ct); } catch (ObjectDisposedException) { }
    }

    public void Dispose() => signal.Dispose();
}

/// <summary>Queues screening runs: one waiting run per organization is enough, since a run screens everything current.</summary>
public static class ScreeningQueue
{
    public static async Task<ScreeningRun> EnqueueAsync(ComplianceDbContext db, ScreeningTrigger trigger, string actor, DateTime now, CancellationToken ct)
    {
        var waiting = await db.ScreeningRuns.AsNoTracking().Where(r => r.Status == ScreeningRunStatus.Queued).OrderBy(r => r.CreatedAt).FirstOrDefaultAsync(ct);
        if (waiting is not null) return waiting;
        var run = new ScreeningRun { Trigger = trigger, RequestedBy = actor, CreatedAt = now };
        db.ScreeningRuns.Add(run);
        await db.SaveChangesAsync(ct);
        return run;
    }

    /// <summary>A run for every organization (a new platform edition, or start-up seeding loaded one), each in its own scope.</summary>
    public static async Task EnqueueForEveryOrganizationAsync(IServiceProvider services, ScreeningTrigger trigger, string actor, CancellationToken ct)
    {
        List<Guid> organizations;
        await using (var scope = services.CreateAsyncScope())
            organizations = await CrossTenant.OrganizationIdsAsync(scope.ServiceProvider.GetRequiredService<ComplianceDbContext>(), ct);
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        foreach (var organizationId in organizations)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ComplianceDbContext>();
            db.Tenant.Use(organizationId);
            await EnqueueAsync(db, trigger, actor, now, ct);
        }
        services.GetRequiredService<ScreeningSignal>().Notify();
    }
}

/// <summary>
/// Claims queued runs of any organization (<see cref="CrossTenant.ClaimNextScreeningRunAsync"/>) and runs them. A run is
/// idempotent (it reconciles stored hits with a fresh screening), so a run whose worker died is simply run again once
/// its lease runs out, by any instance.
/// </summary>
public sealed class ScreeningRunWorker(IServiceScopeFactory scopes, ScreeningSignal signal, IConfiguration configuration, TimeProvider clock,
    ILogger<ScreeningRunWorker> log) : BackgroundService
{
    private const int MaxAttempts = 3;
    private readonly string worker = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
    private readonly TimeSpan poll = configuration.GetValue("Screening:PollInterval", TimeSpan.FromSeconds(10));
    private readonly TimeSpan lease = configuration.GetValue("Screening:Lease", TimeSpan.FromMinutes(5));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!await RunNextAsync(stoppingToken)) await signal.WaitAsync(poll, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogError(e, "Screening worker failed to claim work; retrying");
                await signal.WaitAsync(poll, stoppingToken);
            }
        }
    }

    private async Task<bool> RunNextAsync(CancellationToken ct)
    {
        (Guid RunId, Guid OrganizationId, int Attempts)? claim;
        await using (var scope = scopes.CreateAsyncScope())
            claim = await CrossTenant.ClaimNextScreeningRunAsync(scope.ServiceProvider.GetRequiredService<ComplianceDbContext>(), worker, clock.GetUtcNow().UtcDateTime, lease, ct);
        if (claim is not { } c) return false;

        await using var run = scopes.CreateAsyncScope();
        var db = run.ServiceProvider.GetRequiredService<ComplianceDbContext>();
        db.Tenant.Use(c.OrganizationId);
        var runs = db.ScreeningRuns.Where(r => r.Id == c.RunId);
        if (c.Attempts > MaxAttempts)
        {
            await runs.ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ScreeningRunStatus.Failed).SetProperty(r => r.LeaseUntil, (DateTime?)null)
                .SetProperty(r => r.Error, $"The run stopped {MaxAttempts} times before it finished."), ct);
            return true;
        }
        try
        {
            var counts = await run.ServiceProvider.GetRequiredService<ScreeningPass>().RunAsync(c.RunId, null,
                done => runs.ExecuteUpdateAsync(s => s.SetProperty(r => r.SuppliersScreened, done).SetProperty(r => r.LeaseUntil, clock.GetUtcNow().UtcDateTime + lease), ct), ct);
            await runs.ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, ScreeningRunStatus.Completed)
                .SetProperty(r => r.CompletedAt, clock.GetUtcNow().UtcDateTime)
                .SetProperty(r => r.SuppliersScreened, counts.Suppliers)
                .SetProperty(r => r.HitsFound, counts.Hits)
                .SetProperty(r => r.NewHits, counts.New)
                .SetProperty(r => r.ChangedHits, counts.Changed)
                .SetProperty(r => r.ClearedHits, counts.Cleared)
                .SetProperty(r => r.Editions, counts.Editions)
                .SetProperty(r => r.LeaseUntil, (DateTime?)null), ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw; // the lease runs out and another instance runs it again
        }
        catch (Exception e)
        {
            log.LogError(e, "Screening run {Run} failed", c.RunId);
            await runs.ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ScreeningRunStatus.Failed).SetProperty(r => r.LeaseUntil, (DateTime?)null)
                .SetProperty(r => r.Error, e.Message.Length > 2000 ? e.Message[..2000] : e.Message), CancellationToken.None);
        }
        return true;
    }
}
