using Compliance.Domain.Screening;
using Compliance.Web.Infrastructure.Http;
using Compliance.Web.Infrastructure.Identity;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Web.Features.Screening;

/// <summary>
/// POST /api/v1/screening/runs → 202 {id}: queues a screening of every supplier against the current editions (a waiting
/// run is reused); GET /api/v1/screening/runs/{id}: its status and counts; GET /api/v1/screening/runs: the latest runs.
/// </summary>
public static class ScreeningRuns
{
    public sealed record Started(Guid Id);

    public sealed record Run(Guid Id, string Status, string Trigger, string RequestedBy, DateTime CreatedAt, DateTime? StartedAt, DateTime? CompletedAt,
        int SuppliersScreened, int HitsFound, int NewHits, int ChangedHits, int ClearedHits, IReadOnlyList<string> Editions, string? Error);

    private static Run Of(ScreeningRun r) => new(r.Id, r.Status.ToString(), r.Trigger.ToString(), r.RequestedBy, r.CreatedAt, r.StartedAt, r.CompletedAt,
        r.SuppliersScreened, r.HitsFound, r.NewHits, r.ChangedHits, r.ClearedHits, r.Editions?.Split('\n') ?? [], r.Error);

    public static async Task<Started> StartAsync(string actor, ComplianceDbContext db, ScreeningSignal signal, TimeProvider clock, CancellationToken ct)
    {
        var run = await ScreeningQueue.EnqueueAsync(db, ScreeningTrigger.Manual, actor, clock.GetUtcNow().UtcDateTime, ct);
        signal.Notify();
        return new Started(run.Id);
    }

    public static async Task<Outcome<Run>> GetAsync(Guid id, ComplianceDbContext db, CancellationToken ct) =>
        await db.ScreeningRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct) is { } run ? Of(run) : Outcome<Run>.NotFound();

    public static async Task<IReadOnlyList<Run>> LatestAsync(int count, ComplianceDbContext db, CancellationToken ct) =>
        [.. (await db.ScreeningRuns.AsNoTracking().OrderByDescending(r => r.CreatedAt).Take(count).ToListAsync(ct)).Select(Of)];

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/screening/runs", async (HttpContext http, ComplianceDbContext db, ScreeningSignal signal, TimeProvider clock, CancellationToken ct) =>
            {
                var started = await StartAsync(ComplianceClaims.ActorOf(http.User) ?? "unknown", db, signal, clock, ct);
                return TypedResults.Accepted($"/api/v1/screening/runs/{started.Id}", started);
            })
            .RequireAuthorization(Policies.Write).WithTags("Screening").WithName("StartScreeningRun");
        api.MapGet("/screening/runs/{id:guid}", async (Guid id, ComplianceDbContext db, CancellationToken ct) => (await GetAsync(id, db, ct)).ToHttp(TypedResults.Ok))
            .RequireAuthorization(Policies.Read).WithTags("Screening").WithName("GetScreeningRun");
        api.MapGet("/screening/runs", async (ComplianceDbContext db, CancellationToken ct) => TypedResults.Ok(await LatestAsync(20, db, ct)))
            .RequireAuthorization(Policies.Read).WithTags("Screening").WithName("ListScreeningRuns");
    }
}
