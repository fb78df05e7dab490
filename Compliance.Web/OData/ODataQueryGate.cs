using System.Threading.RateLimiting;

namespace Compliance.Web.OData;

/// <summary>
/// At most <see cref="ODataLimits.MaxConcurrentQueries"/> OData queries run at once; the others wait in arrival order.
/// With every request running at once, the processors and the database's backends are shared among all of them and each
/// one's latency depends on who happens to be scheduled: a first-come, first-served queue in front of the work keeps the
/// slowest responses close to the typical one (queue length ÷ throughput) and spares the database dozens of backends
/// competing for a few cores. Bounded: past <see cref="ODataLimits.MaxQueuedQueries"/> waiting, a request is refused.
/// </summary>
public sealed class ODataQueryGate : IDisposable
{
    private readonly ConcurrencyLimiter limiter;

    public ODataQueryGate(ODataLimits limits)
    {
        Permits = limits.MaxConcurrentQueries is int n and > 0 ? n : 2 * Environment.ProcessorCount;
        limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = Permits,
            QueueLimit = Math.Max(0, limits.MaxQueuedQueries),
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    public int Permits { get; }

    /// <summary>A turn (dispose it once the query's rows are read, before writing them), or a lease that is not acquired when the queue is full.</summary>
    public ValueTask<RateLimitLease> EnterAsync(CancellationToken ct) => limiter.AcquireAsync(1, ct);

    public void Dispose() => limiter.Dispose();
}
