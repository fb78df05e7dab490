using Compliance.Domain.Suppliers;
using Compliance.Web.Infrastructure.Persistence;
using Compliance.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Compliance.Web.Features.Suppliers.Import;

/// <summary>Wakes the worker when an import is queued, so it does not wait for the next poll. A hint only: the queue is the database.</summary>
public sealed class ImportSignal : IDisposable
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

/// <summary>
/// Claims queued or abandoned imports (of any organization, see <see cref="CrossTenant.ClaimNextImportAsync"/>) and runs them.
/// State lives only in the database, so any instance can resume what another left: after a crash its lease runs out.
/// </summary>
public sealed class SupplierImportWorker(IServiceScopeFactory scopes, ImportSignal signal, IOptions<ImportLimits> options, TimeProvider clock,
    ILogger<SupplierImportWorker> log) : BackgroundService
{
    private readonly string worker = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!await RunNextAsync(stoppingToken)) await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogError(e, "Import worker failed to claim work; retrying");
                await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
        }
    }

    /// <summary>Claims and runs one import; false when there was none.</summary>
    private async Task<bool> RunNextAsync(CancellationToken ct)
    {
        var limits = options.Value;
        (Guid ImportId, Guid OrganizationId, int Attempts)? claim;
        await using (var scope = scopes.CreateAsyncScope())
            claim = await CrossTenant.ClaimNextImportAsync(scope.ServiceProvider.GetRequiredService<ComplianceDbContext>(), worker, clock.GetUtcNow().UtcDateTime, limits.Lease, ct);
        if (claim is not { } c) return false;

        await using var run = scopes.CreateAsyncScope();
        run.ServiceProvider.GetRequiredService<TenantContext>().Use(c.OrganizationId);
        var db = run.ServiceProvider.GetRequiredService<ComplianceDbContext>();
        if (c.Attempts > limits.MaxAttempts)
        {
            await FailAsync(db, c.ImportId, $"The import stopped {limits.MaxAttempts} times before it finished. The rows before its resuming point are committed and counted; the rest were not imported.", ct);
            return true;
        }
        try
        {
            await run.ServiceProvider.GetRequiredService<RunImport>().RunAsync(c.ImportId, worker, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down: hand the import back at once instead of waiting for the lease to run out.
            await ReleaseAsync(c.ImportId, countAttempt: false);
            throw;
        }
        catch (ImportLeaseLostException e)
        {
            log.LogWarning(e, "Import {ImportId} is now run by another worker", c.ImportId);
        }
        catch (Exception e) when (e is ImportFileException or FileNotFoundException)
        {
            await FailAsync(db, c.ImportId, e.Message, ct);
        }
        catch (Exception e)
        {
            // Whatever it was (database gone, a bug), the committed batches stand; another attempt resumes after them.
            log.LogError(e, "Import {ImportId} stopped at attempt {Attempt}; it will resume from its last committed row", c.ImportId, c.Attempts);
            await ReleaseAsync(c.ImportId, countAttempt: true);
        }
        return true;
    }

    private async Task ReleaseAsync(Guid importId, bool countAttempt)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplianceDbContext>();
        await db.SupplierImports.IgnoreQueryFilters([ComplianceDbContext.TenantFilter])
            .Where(i => i.Id == importId && i.ClaimedBy == worker)
            .ExecuteUpdateAsync(s => s
                .SetProperty(i => i.ClaimedBy, (string?)null)
                .SetProperty(i => i.LeaseUntil, (DateTime?)null)
                .SetProperty(i => i.Attempts, i => countAttempt ? i.Attempts : i.Attempts - 1), CancellationToken.None);
    }

    private async Task FailAsync(ComplianceDbContext db, Guid importId, string reason, CancellationToken ct)
    {
        log.LogWarning("Import {ImportId} failed: {Reason}", importId, reason);
        var now = clock.GetUtcNow().UtcDateTime;
        await db.SupplierImports.Where(i => i.Id == importId && i.ClaimedBy == worker).ExecuteUpdateAsync(s => s
            .SetProperty(i => i.Status, ImportStatus.Failed)
            .SetProperty(i => i.FailureReason, reason.Length <= 2000 ? reason : reason[..2000])
            .SetProperty(i => i.CompletedAt, now)
            .SetProperty(i => i.ClaimedBy, (string?)null)
            .SetProperty(i => i.LeaseUntil, (DateTime?)null), ct);
    }
}
