using Compliance.Reports.Xlsx;

namespace Compliance.Reports.Evidence;

public sealed record ExportInfo(string Organization, string ExportedBy, DateTime ExportedAt, DateOnly? From, DateOnly? To, string Scope);

public sealed record SupplierLine(string Reference, string Name, string Country, int Tier, string Status, string? Parent, string? Lei, string? Duns, string? Uscc, DateTime CreatedAt, DateTime UpdatedAt,
    string? ImportFile = null, int? ImportRow = null);

public sealed record ProductLine(string SupplierReference, string SupplierName, string Product, string? HsCode, string OriginCountry);

public sealed record AuditLine(string Id, string SupplierReference, string SupplierName, string Scheme, string Type, string Announcement, bool Independent, string? Firm, DateOnly Start, DateOnly End, int? WorkersInterviewed, string? Rating);

public sealed record FindingLine(string Id, string AuditId, string SupplierReference, string? IloIndicator, string? FarActivity, string Severity, string Description, DateOnly RaisedOn, bool Open);

public sealed record ActionLine(string Id, string FindingId, string SupplierReference, string Description, string Owner, DateOnly Due, string Status, bool Overdue, string? VerificationMethod, DateTime? VerifiedAt, string? VerifiedBy, string? DisputeReason);

public sealed record EvidenceLine(string Id, string FileName, string OwnerType, string OwnerId, string ContentType, long Length, string Sha256, DateTime UploadedAt, string UploadedBy);

/// <param name="Description">What the reporter wrote: only in a GrievanceHandler's export, null otherwise.</param>
public sealed record GrievanceLine(string Id, DateTime ReceivedAt, string Category, string? IloIndicator, string Status, string Channel, string Language,
    DateOnly AcknowledgeBy, DateTime? AcknowledgedAt, DateOnly OutcomeBy, DateTime? OutcomeAt, DateTime? ClosedAt, bool DeadlineBreached, string? SupplierReference,
    bool CredibleInformation, string? Description);

public sealed record DisclosureLine(string Id, string Kind, DateOnly PeriodStart, DateOnly PeriodEnd, string Status, DateTime? IssuedAt, string? IssuedBy, string? PdfSha256, long? PdfBytes, string? SupersededBy);

/// <param name="Current">False: history, the latest screening no longer finds it (or found a changed list entry).</param>
public sealed record ScreeningHitLine(string Id, string SupplierReference, string Kind, string List, string Edition, string? Good, string? EntityName, string? Country,
    bool ChildLabor, bool ForcedLabor, bool ForcedChildLabor, double Score, string MatchedOn, string Explanation, string Status, string? DecidedBy, DateTime? DecidedAt,
    string? DecisionReason, DateTime FirstSeenAt, bool Current);

public sealed record RiskListLine(string Id, string Kind, string Name, string Edition, string Scope, string Source, string Sha256, int Entries, bool Partial, DateTime ImportedAt, string ImportedBy);

public sealed record AuditTrailLine(long Sequence, DateTime OccurredAt, string Actor, string Action, string EntityType, string EntityId, string? Before, string? After, string Hash);

/// <summary>
/// Everything behind the organization's claims, as sequences read while the workbook is written (nothing is held
/// whole), and the areas of the product that are not in this export yet.
/// </summary>
public sealed record EvidenceWorkbookModel(
    ExportInfo Info,
    IEnumerable<SupplierLine> Suppliers,
    IEnumerable<ProductLine> Products,
    IEnumerable<AuditLine> Audits,
    IEnumerable<FindingLine> Findings,
    IEnumerable<ActionLine> Actions,
    IEnumerable<EvidenceLine> Evidence,
    IEnumerable<AuditTrailLine> AuditTrail,
    IReadOnlyList<string> NotYetExported)
{
    public IEnumerable<GrievanceLine> Grievances { get; init; } = [];
    /// <summary>Whether <see cref="Grievances"/> carry what reporters wrote (the exporter is a GrievanceHandler).</summary>
    public bool GrievanceContent { get; init; }
    public IEnumerable<DisclosureLine> Disclosures { get; init; } = [];
    public IEnumerable<ScreeningHitLine> ScreeningHits { get; init; } = [];
    public IEnumerable<RiskListLine> RiskLists { get; init; } = [];
    public IEnumerable<AttestationLine> Attestations { get; init; } = [];
}

/// <param name="StatementSha256">The hash of the statement text frozen with the signature: rehash the text to check it.</param>
public sealed record AttestationLine(string Id, string Kind, string Status, string? SupplierReference, string? ContractNumber, string StatementVersion, string StatementSha256,
    string? Signer, string? SignerTitle, DateOnly? SignedOn, DateOnly? ValidUntil, DateTime? SubmittedAt, string? ReviewedBy, DateTime? ReviewedAt, string? ReviewComments, DateTime CreatedAt);

/// <summary>The auditor's evidence workbook: a README sheet, then one sheet per kind of record, each traceable by id and hash.</summary>
public static class EvidenceWorkbook
{
    public static void Write(Stream output, EvidenceWorkbookModel model)
    {
        using var book = new XlsxWriter(output, leaveOpen: true);
        Readme(book, model);

        var suppliers = book.AddSheet("Suppliers", [new("Reference", 14), new("Name", 42), new("Country", 9), new("Tier", 6), new("Status", 11), new("Supplies (reference)", 16), new("LEI", 22), new("DUNS", 11), new("USCC", 20), new("Created (UTC)", 19), new("Updated (UTC)", 19), new("Imported from (file)", 24), new("File row", 8)]);
        foreach (var s in model.Suppliers)
            suppliers.Write(s.Reference).Write(s.Name).Write(s.Country).Write(s.Tier).Write(s.Status).Write(s.Parent).Write(s.Lei).Write(s.Duns).Write(s.Uscc).Write(s.CreatedAt).Write(s.UpdatedAt)
                .Write(s.ImportFile).Write(s.ImportRow).EndRow();

        var products = book.AddSheet("Products", [new("Supplier reference", 16), new("Supplier", 36), new("Product", 32), new("HS code", 10), new("Country of origin", 10)]);
        foreach (var p in model.Products)
            products.Write(p.SupplierReference).Write(p.SupplierName).Write(p.Product).Write(p.HsCode).Write(p.OriginCountry).EndRow();

        var audits = book.AddSheet("Audits", [new("Audit id", 38), new("Supplier reference", 16), new("Supplier", 32), new("Scheme", 12), new("Type", 10), new("Announcement", 14), new("Independent", 11), new("Audit firm", 22), new("Start", 11), new("End", 11), new("Workers interviewed", 10), new("Rating", 9)]);
        foreach (var a in model.Audits)
            audits.Write(a.Id).Write(a.SupplierReference).Write(a.SupplierName).Write(a.Scheme).Write(a.Type).Write(a.Announcement).Write(a.Independent).Write(a.Firm).Write(a.Start).Write(a.End).Write(a.WorkersInterviewed).Write(a.Rating).EndRow();

        var findings = book.AddSheet("Findings", [new("Finding id", 38), new("Audit id", 38), new("Supplier reference", 16), new("ILO indicator", 26), new("FAR 52.222-50(b)", 24), new("Severity", 13), new("Description", 60), new("Raised", 11), new("Open", 7)]);
        foreach (var f in model.Findings)
            findings.Write(f.Id).Write(f.AuditId).Write(f.SupplierReference).Write(f.IloIndicator).Write(f.FarActivity).Write(f.Severity).Write(f.Description).Write(f.RaisedOn).Write(f.Open).EndRow();

        var actions = book.AddSheet("Corrective actions", [new("Action id", 38), new("Finding id", 38), new("Supplier reference", 16), new("Action", 50), new("Owner", 20), new("Due", 11), new("Status", 12), new("Overdue", 8), new("Verified by method", 16), new("Verified (UTC)", 19), new("Verified by", 24), new("Dispute reason", 40)]);
        foreach (var c in model.Actions)
            actions.Write(c.Id).Write(c.FindingId).Write(c.SupplierReference).Write(c.Description).Write(c.Owner).Write(c.Due).Write(c.Status).Write(c.Overdue).Write(c.VerificationMethod).Write(c.VerifiedAt).Write(c.VerifiedBy).Write(c.DisputeReason).EndRow();

        var evidence = book.AddSheet("Evidence files", [new("Evidence id", 38), new("File name", 32), new("Backs", 16), new("Backs id", 38), new("Content type", 22), new("Bytes", 12), new("SHA-256", 68), new("Uploaded (UTC)", 19), new("Uploaded by", 26)]);
        foreach (var e in model.Evidence)
            evidence.Write(e.Id).Write(e.FileName).Write(e.OwnerType).Write(e.OwnerId).Write(e.ContentType).Write(e.Length).Write(e.Sha256).Write(e.UploadedAt).Write(e.UploadedBy).EndRow();

        List<XlsxColumn> grievanceColumns = [new("Grievance id", 38), new("Received (UTC)", 19), new("Category", 28), new("ILO indicator", 26), new("Status", 14), new("Channel", 10),
            new("Language", 9), new("Acknowledge by", 12), new("Acknowledged (UTC)", 19), new("Outcome by", 12), new("Outcome (UTC)", 19), new("Closed (UTC)", 19),
            new("Deadline breached", 10), new("Supplier reference", 16), new("Credible information", 10)];
        if (model.GrievanceContent) grievanceColumns.Add(new("What the reporter wrote", 80));
        var grievances = book.AddSheet("Grievances", grievanceColumns);
        foreach (var g in model.Grievances)
        {
            grievances.Write(g.Id).Write(g.ReceivedAt).Write(g.Category).Write(g.IloIndicator).Write(g.Status).Write(g.Channel).Write(g.Language).Write(g.AcknowledgeBy)
                .Write(g.AcknowledgedAt).Write(g.OutcomeBy).Write(g.OutcomeAt).Write(g.ClosedAt).Write(g.DeadlineBreached).Write(g.SupplierReference).Write(g.CredibleInformation);
            if (model.GrievanceContent) grievances.Write(g.Description);
            grievances.EndRow();
        }

        var attestations = book.AddSheet("Attestations", [new("Attestation id", 38), new("Kind", 20), new("Status", 11), new("Supplier reference", 16), new("Contract", 18),
            new("Statement version", 12), new("Statement SHA-256", 68), new("Signed by", 24), new("Title", 20), new("Signed on", 11), new("Valid until", 11), new("Submitted (UTC)", 19),
            new("Reviewed by", 24), new("Reviewed (UTC)", 19), new("Review comments", 40), new("Created (UTC)", 19)]);
        foreach (var a in model.Attestations)
            attestations.Write(a.Id).Write(a.Kind).Write(a.Status).Write(a.SupplierReference).Write(a.ContractNumber).Write(a.StatementVersion).Write(a.StatementSha256)
                .Write(a.Signer).Write(a.SignerTitle).Write(a.SignedOn).Write(a.ValidUntil).Write(a.SubmittedAt).Write(a.ReviewedBy).Write(a.ReviewedAt).Write(a.ReviewComments).Write(a.CreatedAt).EndRow();

        var disclosures = book.AddSheet("Disclosures", [new("Disclosure id", 38), new("Kind", 16), new("Period start", 12), new("Period end", 12), new("Status", 11), new("Issued (UTC)", 19), new("Issued by", 26), new("PDF SHA-256", 68), new("PDF bytes", 10), new("Superseded by", 38)]);
        foreach (var d in model.Disclosures)
            disclosures.Write(d.Id).Write(d.Kind).Write(d.PeriodStart).Write(d.PeriodEnd).Write(d.Status).Write(d.IssuedAt).Write(d.IssuedBy).Write(d.PdfSha256).Write(d.PdfBytes).Write(d.SupersededBy).EndRow();

        var hits = book.AddSheet("Screening hits", [new("Hit id", 38), new("Supplier reference", 16), new("Kind", 8), new("List", 30), new("Edition", 10), new("Good", 20),
            new("Entity", 30), new("Country", 9), new("Child labor", 8), new("Forced labor", 8), new("Forced child labor", 8), new("Score", 7), new("Matched on", 20),
            new("Explanation", 80), new("Status", 13), new("Decided by", 24), new("Decided (UTC)", 19), new("Reason", 40), new("First seen (UTC)", 19), new("Current", 8)]);
        foreach (var h in model.ScreeningHits)
            hits.Write(h.Id).Write(h.SupplierReference).Write(h.Kind).Write(h.List).Write(h.Edition).Write(h.Good).Write(h.EntityName).Write(h.Country).Write(h.ChildLabor)
                .Write(h.ForcedLabor).Write(h.ForcedChildLabor).Write(h.Score).Write(h.MatchedOn).Write(h.Explanation).Write(h.Status).Write(h.DecidedBy).Write(h.DecidedAt)
                .Write(h.DecisionReason).Write(h.FirstSeenAt).Write(h.Current).EndRow();

        var lists = book.AddSheet("Risk lists", [new("List id", 38), new("Kind", 10), new("List", 34), new("Edition", 14), new("Scope", 12), new("Source", 60), new("SHA-256", 68),
            new("Entries", 8), new("Partial", 8), new("Imported (UTC)", 19), new("Imported by", 24)]);
        foreach (var l in model.RiskLists)
            lists.Write(l.Id).Write(l.Kind).Write(l.Name).Write(l.Edition).Write(l.Scope).Write(l.Source).Write(l.Sha256).Write(l.Entries).Write(l.Partial).Write(l.ImportedAt).Write(l.ImportedBy).EndRow();

        var trail = book.AddSheet("Audit trail", [new("#", 8), new("When (UTC)", 19), new("Who", 26), new("What", 9), new("Record type", 18), new("Record id", 38), new("Before", 50), new("After", 50), new("Hash", 68)]);
        foreach (var t in model.AuditTrail)
            trail.Write(t.Sequence).Write(t.OccurredAt).Write(t.Actor).Write(t.Action).Write(t.EntityType).Write(t.EntityId).Write(t.Before).Write(t.After).Write(t.Hash).EndRow();
    }

    private static void Readme(XlsxWriter book, EvidenceWorkbookModel model)
    {
        var i = model.Info;
        var readme = book.AddSheet("README", [new("About this export", 24), new("Details", 110)]);
        void Line(string label, string? text) => readme.Write(label).Write(text).EndRow();
        Line("Evidence workbook of", i.Organization);
        Line("Exported at (UTC)", i.ExportedAt.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture));
        Line("Exported by", i.ExportedBy);
        Line("Period", i.From is null && i.To is null ? "all records" : $"{i.From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "the beginning"} to {i.To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "today"} (audits by end date, evidence by upload date, audit trail by date)");
        Line("Suppliers", i.Scope);
        Line("", null);
        Line("Sheet", "What it holds");
        Line("Suppliers", "The supplier register as it stands now: reference, name, country (ISO 3166-1 alpha-2), tier, status, identifiers, and for a supplier created by an upload the file and its row.");
        Line("Products", "What each supplier sells, with HS code and country of origin (empty: the supplier's country).");
        Line("Audits", "Social audits in the period: scheme, type, whether announced and independent (Cal. Civ. Code 1714.43(c)(2)), firm and dates.");
        Line("Findings", "What the audits found, by ILO forced-labour indicator and FAR 52.222-50(b) prohibited activity, with severity and whether still open.");
        Line("Corrective actions", "The actions on those findings: owner, due date, status, whether overdue, and how completion was verified.");
        Line("Evidence files", "Every file a claim rests on, with its SHA-256: hash the file you hold and compare.");
        Line("Grievances", model.GrievanceContent
            ? "Worker grievances received in the period: category (with its ILO indicator), status, deadlines and what the reporter wrote (this export was made by a grievance handler)."
            : "Worker grievances received in the period: category (with its ILO indicator), status and deadlines. What reporters wrote is exported to grievance handlers only.");
        Line("Attestations", "Supplier certifications (Cal. Civ. Code 1714.43(c)(3)), FAR 52.222-56 certifications and flow-down certifications: who signed which statement version when, the SHA-256 of the statement text frozen with the signature, and the contracting officer's review.");
        Line("Disclosures", "Disclosures drafted or issued: period, status, who issued them and when, and the SHA-256 of each issued PDF (hash the PDF you hold and compare).");
        Line("Screening hits", "Hits of the suppliers in scope against the goods and entity lists: the list and edition, what matched and why, the flags, and the reviewer's decision with its reason; rows no longer current are kept as history.");
        Line("Risk lists", "Every list edition screened against, with the SHA-256 of the file it was read from (platform lists, and the organization's own entity lists).");
        Line("Audit trail", "Every change in the period, hash-chained: each hash covers the event and the hash before it (GET /api/v1/audit-events/verify checks the chain).");
        foreach (var area in model.NotYetExported) Line("Not yet exported", area);
    }
}
