using System.Text.Json;
using System.Text.Json.Serialization;
using Compliance.Domain.Disclosures;
using Compliance.Reports.Pdf;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Web.Features.Disclosures;

/// <summary>
/// What a disclosure says: for a draft, computed now from the records with the officer's wording applied; for an
/// issued one, exactly what was frozen when it was issued. The API's JSON, the page and the PDF all come from this.
/// </summary>
public sealed record DisclosureContent(
    Guid Id, DisclosureKind Kind, DisclosureStatus Status, DateOnly PeriodStart, DateOnly PeriodEnd, string Company,
    CaliforniaApplicability Applicability, IReadOnlyList<DisclosureStatement> Statements, CaliforniaFigures? Figures,
    IReadOnlyList<DisclosedSupplier> Suppliers, DateTime GeneratedAt, DateTime? IssuedAt, string? IssuedBy, string? PdfSha256, Guid? SupersededById)
{
    /// <summary>For a FAR zero-tolerance disclosure: the contract's records (the California parts are then empty).</summary>
    public FarDisclosureContent? Far { get; init; }

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>The frozen part of an issued disclosure.</summary>
    public sealed record Frozen(string Company, CaliforniaApplicability Applicability, IReadOnlyList<DisclosureStatement> Statements, CaliforniaFigures? Figures,
        IReadOnlyList<DisclosedSupplier> Suppliers, DateTime GeneratedAt, FarDisclosureContent? Far = null);

    public static async Task<DisclosureContent> OfAsync(Disclosure d, ComplianceDbContext db, TimeProvider clock, CancellationToken ct)
    {
        Frozen content;
        if (d.IssuedContentJson is { } json)
            content = JsonSerializer.Deserialize<Frozen>(json, Json)!;
        else
        {
            var organization = await db.Organizations.AsNoTracking().FirstAsync(o => o.Id == d.OrganizationId, ct);
            // A FAR disclosure reads its contract's records only; the California ones are read for a California disclosure.
            var far = d.Kind == DisclosureKind.FarTrafficking && d.ContractId is { } contractId ? await FarRecords.ReadAsync(contractId, d.PeriodStart, d.PeriodEnd, db, ct) : null;
            if (far is not null)
                content = new Frozen(organization.Name, CaliforniaApplicability.Of(organization), [], null, [], clock.GetUtcNow().UtcDateTime, far);
            else
            {
                var records = await CaliforniaRecords.ReadAsync(d.PeriodStart, d.PeriodEnd, db, ct);
                content = new Frozen(organization.Name, CaliforniaApplicability.Of(organization),
                    CaliforniaDisclosureRules.Statements(organization.Name, records.Figures, Edits(d)), records.Figures, records.Suppliers, clock.GetUtcNow().UtcDateTime);
            }
        }
        return new DisclosureContent(d.Id, d.Kind, d.Status, d.PeriodStart, d.PeriodEnd, content.Company, content.Applicability, content.Statements, content.Figures,
            content.Suppliers, content.GeneratedAt, d.IssuedAt, d.IssuedBy, d.PdfSha256, d.SupersededById) { Far = content.Far };
    }

    public Frozen Freeze() => new(Company, Applicability, Statements, Figures, Suppliers, GeneratedAt, Far);

    public static Dictionary<CaliforniaElement, string> Edits(Disclosure d) =>
        d.EditsJson is { } json ? JsonSerializer.Deserialize<Dictionary<CaliforniaElement, string>>(json, Json)! : [];

    public byte[] RenderPdf()
    {
        DateTimeOffset? issued = IssuedAt is { } at ? new DateTimeOffset(at, TimeSpan.Zero) : null;
        var generated = new DateTimeOffset(GeneratedAt, TimeSpan.Zero);
        return Far is { } far
            ? FarDisclosureDocument.Render(new FarDisclosureModel(Company, PeriodStart, PeriodEnd, far, issued, IssuedBy, generated))
            : CaliforniaDisclosureDocument.Render(new CaliforniaDisclosureModel(Company, PeriodStart, PeriodEnd, Applicability, Statements, Suppliers, issued, IssuedBy, generated));
    }
}
