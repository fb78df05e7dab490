using Compliance.Domain.Attestations;
using Compliance.Domain.Common;
using Compliance.Web.Features.Audits;
using Compliance.Web.Infrastructure.Http;
using Compliance.Web.Infrastructure.Identity;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Web.Features.Attestations;

/// <summary>
/// Training sessions (Cal. Civ. Code 1714.43(c)(5)) and the internal accountability policy with its dated enforcement actions
/// ((c)(4)). POST/GET /api/v1/training-sessions; GET/PUT /api/v1/accountability/policy; POST/GET /api/v1/accountability/actions.
/// The List/Get methods return plain records for the California disclosure.
/// </summary>
public static class TrainingAndAccountability
{
    public sealed record TrainingRequest(string? Title, DateOnly? HeldOn, TrainingAudience? Audience, int? Trained, int? InScope, bool? CoversSupplyChainRiskMitigation);

    public sealed record TrainingRecord(Guid Id, string Title, DateOnly HeldOn, TrainingAudience Audience, int Trained, int InScope, bool CoversSupplyChainRiskMitigation);

    public sealed record PolicyRequest(string? Text, DateOnly? AdoptedOn);

    public sealed record PolicyRecord(string Text, DateOnly AdoptedOn, DateTime UpdatedAt);

    public sealed record ActionRequest(DateOnly? TakenOn, EnforcementTarget? Against, string? Description);

    public sealed record ActionRecord(Guid Id, DateOnly TakenOn, EnforcementTarget Against, string Description);

    public static async Task<Outcome<TrainingRecord>> RecordTrainingAsync(TrainingRequest r, ComplianceDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new RuleViolations();
        CredibleInformation.Text(errors, "title", r.Title, 300, required: true, "Name the session.");
        if (r.HeldOn is null) errors.Add("heldOn", "required", "'heldOn' is required.");
        else if (r.HeldOn > Today.Of(clock)) errors.Add("heldOn", "in_future", "'heldOn' cannot be in the future: record sessions that took place.");
        if (r.Audience is null) errors.Add("audience", "required", $"'audience' is required: one of {string.Join(", ", Enum.GetNames<TrainingAudience>())}.");
        if (r.InScope is not { } inScope || inScope < 1) errors.Add("inScope", "required", "'inScope' is required: how many people should take this training (at least 1).");
        if (r.Trained is not { } trained || trained < 0) errors.Add("trained", "required", "'trained' is required: how many completed it (0 or more).");
        else if (r.InScope is { } s && trained > s) errors.Add("trained", "exceeds_in_scope", $"'trained' ({trained}) cannot exceed 'inScope' ({s}).");
        if (errors.Count > 0) return Outcome<TrainingRecord>.Invalid(errors);
        var t = new TrainingSession
        {
            Title = r.Title!.Trim(), HeldOn = r.HeldOn!.Value, Audience = r.Audience!.Value, Trained = r.Trained!.Value, InScope = r.InScope!.Value,
            CoversSupplyChainRiskMitigation = r.CoversSupplyChainRiskMitigation ?? false, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.TrainingSessions.Add(t);
        await db.SaveChangesAsync(ct);
        return new TrainingRecord(t.Id, t.Title, t.HeldOn, t.Audience, t.Trained, t.InScope, t.CoversSupplyChainRiskMitigation);
    }

    public static Task<List<TrainingRecord>> ListTrainingAsync(DateOnly? from, DateOnly? to, ComplianceDbContext db, CancellationToken ct)
    {
        var query = db.TrainingSessions.AsNoTracking();
        if (from is { } f) query = query.Where(t => t.HeldOn >= f);
        if (to is { } e) query = query.Where(t => t.HeldOn <= e);
        return query.OrderByDescending(t => t.HeldOn)
            .Select(t => new TrainingRecord(t.Id, t.Title, t.HeldOn, t.Audience, t.Trained, t.InScope, t.CoversSupplyChainRiskMitigation)).ToListAsync(ct);
    }

    public static async Task<Outcome<PolicyRecord>> SavePolicyAsync(PolicyRequest r, ComplianceDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new RuleViolations();
        CredibleInformation.Text(errors, "text", r.Text, 20000, required: true, "State the standards and procedures for employees or contractors failing company standards on slavery and trafficking.");
        if (r.AdoptedOn is null) errors.Add("adoptedOn", "required", "'adoptedOn' is required.");
        if (errors.Count > 0) return Outcome<PolicyRecord>.Invalid(errors);
        var policy = await db.AccountabilityPolicies.FirstOrDefaultAsync(ct) ?? db.AccountabilityPolicies.Add(new AccountabilityPolicy { Text = "" }).Entity;
        policy.Text = r.Text!.Trim();
        policy.AdoptedOn = r.AdoptedOn!.Value;
        policy.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return new PolicyRecord(policy.Text, policy.AdoptedOn, policy.UpdatedAt);
    }

    public static Task<PolicyRecord?> GetPolicyAsync(ComplianceDbContext db, CancellationToken ct) =>
        db.AccountabilityPolicies.AsNoTracking().Select(p => new PolicyRecord(p.Text, p.AdoptedOn, p.UpdatedAt)).FirstOrDefaultAsync(ct);

    public static async Task<Outcome<ActionRecord>> RecordActionAsync(ActionRequest r, ComplianceDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new RuleViolations();
        if (r.TakenOn is null) errors.Add("takenOn", "required", "'takenOn' is required.");
        else if (r.TakenOn > Today.Of(clock)) errors.Add("takenOn", "in_future", "'takenOn' cannot be in the future.");
        if (r.Against is null) errors.Add("against", "required", $"'against' is required: one of {string.Join(", ", Enum.GetNames<EnforcementTarget>())}.");
        CredibleInformation.Text(errors, "description", r.Description, 4000, required: true, "Describe the action taken.");
        if (errors.Count > 0) return Outcome<ActionRecord>.Invalid(errors);
        var a = new EnforcementAction { TakenOn = r.TakenOn!.Value, Against = r.Against!.Value, Description = r.Description!.Trim(), CreatedAt = clock.GetUtcNow().UtcDateTime };
        db.EnforcementActions.Add(a);
        await db.SaveChangesAsync(ct);
        return new ActionRecord(a.Id, a.TakenOn, a.Against, a.Description);
    }

    public static Task<List<ActionRecord>> ListActionsAsync(DateOnly? from, DateOnly? to, ComplianceDbContext db, CancellationToken ct)
    {
        var query = db.EnforcementActions.AsNoTracking();
        if (from is { } f) query = query.Where(a => a.TakenOn >= f);
        if (to is { } e) query = query.Where(a => a.TakenOn <= e);
        return query.OrderByDescending(a => a.TakenOn).Select(a => new ActionRecord(a.Id, a.TakenOn, a.Against, a.Description)).ToListAsync(ct);
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/training-sessions", async (TrainingRequest r, ComplianceDbContext db, TimeProvider clock, CancellationToken ct) =>
                (await RecordTrainingAsync(r, db, clock, ct)).ToHttp(t => TypedResults.Created($"/api/v1/training-sessions/{t.Id}", t)))
            .RequireAuthorization(Policies.Write).WithTags("Accountability").WithName("RecordTrainingSession");
        api.MapGet("/training-sessions", async (DateOnly? from, DateOnly? to, ComplianceDbContext db, CancellationToken ct) => TypedResults.Ok(await ListTrainingAsync(from, to, db, ct)))
            .RequireAuthorization(Policies.Read).WithTags("Accountability").WithName("ListTrainingSessions");
        api.MapPut("/accountability/policy", async (PolicyRequest r, ComplianceDbContext db, TimeProvider clock, CancellationToken ct) =>
                (await SavePolicyAsync(r, db, clock, ct)).ToHttp(TypedResults.Ok))
            .RequireAuthorization(Policies.Write).WithTags("Accountability").WithName("SaveAccountabilityPolicy");
        api.MapGet("/accountability/policy", async (ComplianceDbContext db, CancellationToken ct) =>
                await GetPolicyAsync(db, ct) is { } p ? Results.Ok(p) : Problems.NotFound())
            .RequireAuthorization(Policies.Read).WithTags("Accountability").WithName("GetAccountabilityPolicy");
        api.MapPost("/accountability/actions", async (ActionRequest r, ComplianceDbContext db, TimeProvider clock, CancellationToken ct) =>
                (await RecordActionAsync(r, db, clock, ct)).ToHttp(a => TypedResults.Created($"/api/v1/accountability/actions/{a.Id}", a)))
            .RequireAuthorization(Policies.Write).WithTags("Accountability").WithName("RecordEnforcementAction");
        api.MapGet("/accountability/actions", async (DateOnly? from, DateOnly? to, ComplianceDbContext db, CancellationToken ct) => TypedResults.Ok(await ListActionsAsync(from, to, db, ct)))
            .RequireAuthorization(Policies.Read).WithTags("Accountability").WithName("ListEnforcementActions");
    }
}
