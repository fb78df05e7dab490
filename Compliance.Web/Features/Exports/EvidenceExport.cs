using Compliance.Domain.Audits;
using Compliance.Domain.Disclosures;
using Compliance.Domain.Grievances;
using Compliance.Web.Features.Grievances;
using Compliance.Reports.Evidence;
using Compliance.Web.Features.Audits;
using Compliance.Web.Infrastructure.Http;
using Compliance.Web.Infrastructure.Identity;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Web.Features.Exports;

/// <summary>
/// GET /api/v1/exports/evidence.xlsx?from=&amp;to=&amp;supplierId=&amp;country=: the auditor's workbook, streamed. Rows are read
/// from the database while the workbook is written, and the bytes leave through a bounded pipe, so the response starts
/// at once and memory stays flat however large the organization.
/// </summary>
public static class EvidenceExport
{
    public sealed record Filter(DateOnly? From, DateOnly? To, IReadOnlyList<Guid> SupplierIds, string? Country);

    /// <param name="grievanceContent">Decrypts what reporters wrote into the Grievances sheet; null (everyone but a GrievanceHandler) leaves it out.</param>
    public static EvidenceWorkbookModel Model(Filter filter, ComplianceDbContext db, ExportInfo info, DateOnly today, GrievanceProtector? grievanceContent = null)
    {
        var suppliers = db.Suppliers.AsNoTracking();
        if (filter.SupplierIds.Count > 0) suppliers = suppliers.Where(s => filter.SupplierIds.Contains(s.Id));
        if (filter.Country is { } country) suppliers = suppliers.Where(s => s.Country == country);
        var supplierIds = suppliers.Select(s => s.Id);
        var fromTime = filter.From?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var toTime = filter.To?.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

        var audits = db.Audits.AsNoTracking().Where(a => supplierIds.Contains(a.SupplierId));
        if (filter.From is { } from) audits = audits.Where(a => a.EndDate >= from);
        if (filter.To is { } to) audits = audits.Where(a => a.EndDate <= to);
        var auditIds = audits.Select(a => a.Id);
        var findings = db.Findings.AsNoTracking().Where(f => auditIds.Contains(f.AuditId));
        var findingIds = findings.Select(f => f.Id);
        var actions = db.CorrectiveActions.AsNoTracking().Where(c => findingIds.Contains(c.FindingId));
        var evidence = db.EvidenceFiles.AsNoTracking();
        if (fromTime is { } ef) evidence = evidence.Where(e => e.UploadedAt >= ef);
        if (toTime is { } et) evidence = evidence.Where(e => e.UploadedAt < et);
        var trail = db.AuditEvents.AsNoTracking();
        if (fromTime is { } tf) trail = trail.Where(e => e.OccurredAt >= tf);
        if (toTime is { } tt) trail = trail.Where(e => e.OccurredAt < tt);
        var references = db.Suppliers.AsNoTracking();
        CorrectiveActionStatus[] done = [CorrectiveActionStatus.Completed, CorrectiveActionStatus.Verified];

        return new EvidenceWorkbookModel(
            info,
            suppliers.OrderBy(s => s.ExternalReference)
                .Select(s => new SupplierLine(s.ExternalReference, s.Name, s.Country, s.Tier, s.Status.ToString(),
                    references.Where(p => p.Id == s.ParentId).Select(p => p.ExternalReference).FirstOrDefault(), s.Lei, s.Duns, s.Uscc, s.CreatedAt, s.UpdatedAt,
                    db.SupplierImports.Where(i => i.Id == s.ImportId).Select(i => i.FileName).FirstOrDefault(), s.ImportRow))
                .AsEnumerable(),
            db.SupplierProducts.AsNoTracking()
                .Join(suppliers, p => p.SupplierId, s => s.Id, (p, s) => new { p.Name, p.HsCode, p.OriginCountry, s.ExternalReference, Supplier = s.Name, s.Country })
                .OrderBy(x => x.ExternalReference).ThenBy(x => x.Name)
                .AsEnumerable()
                .Select(x => new ProductLine(x.ExternalReference, x.Supplier, x.Name, x.HsCode, x.OriginCountry ?? x.Country)),
            audits.OrderBy(a => a.EndDate).ThenBy(a => a.Id)
                .Join(references, a => a.SupplierId, s => s.Id, (a, s) => new { a, s.ExternalReference, s.Name })
                .AsEnumerable()
                .Select(x => new AuditLine(x.a.Id.ToString(), x.ExternalReference, x.Name, x.a.Scheme.ToString(), x.a.Type.ToString(), x.a.Announcement.ToString(),
                    x.a.IsIndependent, x.a.AuditFirm, x.a.StartDate, x.a.EndDate, x.a.WorkersInterviewed, x.a.Rating)),
            findings.OrderBy(f => f.RaisedOn).ThenBy(f => f.Id)
                .Join(references, f => f.SupplierId, s => s.Id, (f, s) => new
                {
                    f, s.ExternalReference,
                    Open = f.Actions.Any(c => c.Status != CorrectiveActionStatus.Verified) || (f.Actions.Count == 0 && f.Severity != FindingSeverity.Observation),
                })
                .AsEnumerable()
                .Select(x => new FindingLine(x.f.Id.ToString(), x.f.AuditId.ToString(), x.ExternalReference, x.f.IloIndicator?.ToString(), x.f.FarActivity?.ToString(),
                    x.f.Severity.ToString(), x.f.Description, x.f.RaisedOn, x.Open)),
            actions.OrderBy(c => c.DueDate).ThenBy(c => c.Id)
                .Join(references, c => c.SupplierId, s => s.Id, (c, s) => new { c, s.ExternalReference })
                .AsEnumerable()
                .Select(x => new ActionLine(x.c.Id.ToString(), x.c.FindingId.ToString(), x.ExternalReference, x.c.Description, x.c.Owner, x.c.DueDate,
                    x.c.Status.ToString(), !done.Contains(x.c.Status) && x.c.DueDate < today, x.c.VerificationMethod?.ToString(), x.c.VerifiedAt, x.c.VerifiedBy, x.c.DisputeReason)),
            evidence.OrderBy(e => e.UploadedAt).ThenBy(e => e.Id).AsEnumerable()
                .Select(e => new EvidenceLine(e.Id.ToString(), e.FileName, e.OwnerType.ToString(), e.OwnerId.ToString(), e.ContentType, e.Length, e.Sha256, e.UploadedAt, e.UploadedBy)),
            trail.OrderBy(e => e.Sequence).AsEnumerable()
                .Select(e => new AuditTrailLine(e.Sequence, e.OccurredAt, e.Actor, e.Action.ToString(), e.EntityType, e.EntityId, e.Before, e.After, e.Hash)),
            [])
        {
            // Certifications of the suppliers in scope, and those not tied to a supplier (FAR 52.222-56) unless a supplier subset was asked for.
            Attestations = db.Attestations.AsNoTracking()
                .Where(a => a.SupplierId == null ? filter.SupplierIds.Count == 0 && filter.Country == null : supplierIds.Contains(a.SupplierId.Value))
                .Where(a => fromTime == null || a.CreatedAt >= fromTime || (a.SignedAt != null && a.SignedAt >= fromTime))
                .Where(a => toTime == null || a.CreatedAt < toTime)
                .OrderBy(a => a.CreatedAt).ThenBy(a => a.Id)
                .Select(a => new
                {
                    a, Reference = references.Where(s => s.Id == a.SupplierId).Select(s => s.ExternalReference).FirstOrDefault(),
                    Contract = db.FederalContracts.Where(c => c.Id == a.ContractId).Select(c => c.Number).FirstOrDefault(),
                })
                .AsEnumerable()
                .Select(x => new AttestationLine(x.a.Id.ToString(), x.a.Kind.ToString(), x.a.Status.ToString(), x.Reference, x.Contract, x.a.StatementVersion, x.a.StatementSha256,
                    x.a.SignerName, x.a.SignerTitle, x.a.SignedOn, x.a.ValidUntil, x.a.SubmittedAt, x.a.ReviewedBy, x.a.ReviewedAt, x.a.ReviewComments, x.a.CreatedAt)),
            Grievances = Grievances(filter, db, supplierIds, fromTime, toTime, today, grievanceContent),
            GrievanceContent = grievanceContent is not null,
            Disclosures = db.Disclosures.AsNoTracking().OrderBy(d => d.CreatedAt).AsEnumerable()
                .Select(d => new DisclosureLine(d.Id.ToString(), d.Kind == DisclosureKind.CaliforniaTisc ? "California TISC" : "FAR zero tolerance", d.PeriodStart, d.PeriodEnd,
                    d.Status.ToString(), d.IssuedAt, d.IssuedBy, d.PdfSha256, d.PdfLength, d.SupersededById?.ToString())),
            ScreeningHits = db.ScreeningHits.AsNoTracking().Where(h => supplierIds.Contains(h.SupplierId))
                .Join(references, h => h.SupplierId, s => s.Id, (h, s) => new { h, s.ExternalReference })
                .OrderBy(x => x.ExternalReference).ThenBy(x => x.h.FirstSeenAt).ThenBy(x => x.h.Id)
                .AsEnumerable()
                .Select(x => new ScreeningHitLine(x.h.Id.ToString(), x.ExternalReference, x.h.Kind.ToString(), x.h.ListName, x.h.Edition, x.h.Good, x.h.EntityName, x.h.Country,
                    x.h.ChildLabor, x.h.ForcedLabor, x.h.ForcedChildLabor, x.h.Score, x.h.MatchedOn, x.h.Explanation, x.h.Status.ToString(), x.h.DecidedBy, x.h.DecidedAt,
                    x.h.DecisionReason, x.h.FirstSeenAt, x.h.ClearedAt == null)),
            RiskLists = db.RiskLists.AsNoTracking().OrderBy(l => l.Kind).ThenBy(l => l.Name).ThenBy(l => l.ImportedAt).AsEnumerable()
                .Select(l => new RiskListLine(l.Id.ToString(), Screening.ListRiskLists.KindName(l.Kind), l.Name, l.Edition, l.OwnerOrganizationId is null ? "platform" : "organization",
                    l.Source, l.Sha256, l.EntryCount, l.IsPartial, l.ImportedAt, l.ImportedBy)),
        };
    }

    // Grievances received in the period; with a supplier subset, only those linked to one of its suppliers.
    private static IEnumerable<GrievanceLine> Grievances(Filter filter, ComplianceDbContext db, IQueryable<Guid> supplierIds, DateTime? from, DateTime? to, DateOnly today,
        GrievanceProtector? content)
    {
        var grievances = db.Grievances.AsNoTracking();
        if (filter.SupplierIds.Count > 0 || filter.Country is not null) grievances = grievances.Where(g => g.SupplierId != null && supplierIds.Contains(g.SupplierId.Value));
        if (from is { } f) grievances = grievances.Where(g => g.ReceivedAt >= f);
        if (to is { } t) grievances = grievances.Where(g => g.ReceivedAt < t);
        var organizationId = db.Tenant.RequiredOrganizationId;
        return grievances.OrderBy(g => g.ReceivedAt).ThenBy(g => g.Id)
            .Select(g => new { g, Reference = db.Suppliers.Where(s => s.Id == g.SupplierId).Select(s => s.ExternalReference).FirstOrDefault() })
            .AsEnumerable()
            .Select(x => (x.g, x.Reference, Sla: x.g.SlaOn(today)))
            .Select(x => new GrievanceLine(x.g.Id.ToString(), x.g.ReceivedAt, GrievanceCategories.Words(x.g.Category), GrievanceCategories.Indicator(x.g.Category)?.ToString(),
                x.g.Status.ToString(), x.g.Channel.ToString(), x.g.Language, x.g.AcknowledgeBy, x.g.AcknowledgedAt, x.g.OutcomeBy, x.g.OutcomeAt, x.g.ClosedAt,
                x.Sla.AcknowledgeBreached || x.Sla.OutcomeBreached, x.Reference, x.g.CredibleInformation,
                content?.Unprotect(organizationId, x.g.DescriptionProtected)));
    }

    public static async Task<EvidenceWorkbookModel> ModelForAsync(HttpContext http, Filter filter, ComplianceDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var organization = await db.Organizations.Where(o => o.Id == db.Tenant.RequiredOrganizationId).Select(o => o.Name).FirstAsync(ct);
        var scope = filter.SupplierIds.Count > 0 ? $"{filter.SupplierIds.Count} chosen supplier(s)" : filter.Country is { } c ? $"suppliers in {Domain.Common.Countries.NameOf(c)}" : "all suppliers";
        var info = new ExportInfo(organization, ComplianceClaims.ActorOf(http.User) ?? "unknown", clock.GetUtcNow().UtcDateTime, filter.From, filter.To, scope);
        var content = GrievanceCases.MayReadContent(http.User) ? http.RequestServices.GetRequiredService<GrievanceProtector>() : null;
        return Model(filter, db, info, Today.Of(clock), content);
    }

    /// <summary>The period and supplier subset from the query string, or the rule it breaks.</summary>
    public static (Filter? Filter, IResult? Problem) FilterFrom(DateOnly? from, DateOnly? to, Guid[]? supplierId, string? country)
    {
        if (from is { } f && to is { } t && t < f)
            return (null, Infrastructure.Http.Problems.Rule(StatusCodes.Status400BadRequest, "to", "before_from", $"'to' ({t:yyyy-MM-dd}) is before 'from' ({f:yyyy-MM-dd})."));
        if (country is { Length: > 0 } && !Domain.Common.Countries.IsKnownAlpha2(country.ToUpperInvariant()))
            return (null, Infrastructure.Http.Problems.Rule(StatusCodes.Status400BadRequest, "country", "unknown_country", $"'{country}' is not an ISO 3166-1 alpha-2 country code."));
        return (new Filter(from, to, supplierId ?? [], country is { Length: > 0 } ? country.ToUpperInvariant() : null), null);
    }

    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/exports/evidence.xlsx", async (DateOnly? from, DateOnly? to, Guid[]? supplierId, string? country, HttpContext http, ComplianceDbContext db, TimeProvider clock, CancellationToken ct) =>
            {
                var (filter, problem) = FilterFrom(from, to, supplierId, country);
                if (problem is not null) return problem;
                var model = await ModelForAsync(http, filter!, db, clock, ct);
                await PipedDownload.WriteAsync(http, XlsxType, $"evidence-{model.Info.ExportedAt:yyyyMMdd-HHmm}.xlsx",
                    (stream, _) => { EvidenceWorkbook.Write(stream, model); return Task.CompletedTask; }, ct);
                return Results.Empty;
            })
            .RequireAuthorization(Policies.Read).WithTags("Exports").WithName("ExportEvidenceWorkbook");
}
