using Compliance.Domain.Audits;
using Compliance.Domain.Common;
using Compliance.Web.Features.Suppliers.Import;
using Compliance.Web.Infrastructure.Http;
using Compliance.Web.Infrastructure.Identity;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Web.Features.Audits;

/// <summary>
/// POST /api/v1/audits/imports (multipart <c>file</c>, optional <c>sheet</c>): audit results from a spreadsheet, one row
/// per finding. Rows of one supplier, scheme, type and dates form one audit. Valid rows import, each rejected row is
/// reported with its row, column and rule, and a file uploaded again adds nothing twice. Results files are small, so
/// this runs within the request, in one transaction.
/// </summary>
public static class ImportAuditResults
{
    public sealed record Summary(
        int TotalRows, int ImportedRows, int UnchangedRows, int RejectedRows,
        int AuditsCreated, int FindingsCreated, int ActionsCreated, IReadOnlyList<ImportError> Errors);

    /// <summary>Bounds for results files: the supplier upload's checks, smaller numbers.</summary>
    public static ImportLimits Limits { get; } = new() { MaxFileBytes = 10 * 1024 * 1024, MaxRows = 20_000, MaxColumns = 100 };

    public static async Task<Outcome<Summary>> HandleAsync(string path, string? sheet, ComplianceDbContext db, TimeProvider clock, CancellationToken ct)
    {
        FileShape shape;
        List<SheetRow> rows;
        try
        {
            shape = SupplierFile.Inspect(path, sheet, Limits);
            rows = [.. SupplierFile.ReadRows(path, shape, Limits).Take(Limits.MaxRows + 50)];
        }
        catch (ImportFileException e)
        {
            return Outcome<Summary>.Invalid(e.ToViolations());
        }

        var header = rows.Take(20).FirstOrDefault(r => !r.IsBlank && AuditResultRows.MapHeader(r.Cells).Count >= 3);
        if (header.Cells is null)
            return Outcome<Summary>.Invalid([new("file", "no_header", "No header row was found: the file needs columns such as Supplier reference, Scheme, Announcement, End date, Severity and Finding.")]);
        var map = AuditResultRows.MapHeader(header.Cells);
        var missing = AuditResultRows.Required.Where(f => !map.ContainsKey(f)).ToList();
        if (missing.Count > 0)
            return Outcome<Summary>.Invalid([new("file", "missing_columns", $"The header (row {header.Number}) has no column for: {string.Join(", ", missing)}.")]);
        var data = SheetLayout.DataRows(rows, header.Number).ToList();
        if (data.Count > Limits.MaxRows)
            return Outcome<Summary>.Invalid([new("file", "too_many_rows", $"The file has more than {Limits.MaxRows:N0} rows; split it.")]);

        var parsed = data.Select(r => AuditResultRows.Read(r, map, header.Cells)).ToList();
        var references = parsed.Select(p => p.SupplierReference).Where(r => r.Length > 0).Distinct().ToList();
        var suppliers = await db.Suppliers.AsNoTracking().Where(s => references.Contains(s.ExternalReference))
            .Select(s => new { s.Id, s.ExternalReference }).ToDictionaryAsync(s => s.ExternalReference, s => s.Id, ct);
        var supplierIds = suppliers.Values.ToList();
        var existingAudits = await db.Audits.Include(a => a.Findings).Where(a => supplierIds.Contains(a.SupplierId)).ToListAsync(ct);
        var policy = await CorrectiveActionPolicySettings.CurrentAsync(db, ct);
        var today = Today.Of(clock);
        var now = clock.GetUtcNow().UtcDateTime;

        var errors = new List<ImportError>();
        int imported = 0, unchanged = 0, rejected = 0, auditsCreated = 0, findingsCreated = 0, actionsCreated = 0;
        foreach (var row in parsed)
        {
            var rowErrors = new List<ImportError>(row.Errors);
            Guid supplierId = default;
            if (row.SupplierReference.Length > 0 && !suppliers.TryGetValue(row.SupplierReference, out supplierId))
                rowErrors.Add(new(row.Row, ColumnOf(AuditResultRows.Field.SupplierReference), "supplier_not_found",
                    $"Row {row.Row}: no supplier has the external reference '{row.SupplierReference}' in this organization."));
            if (rowErrors.Count == 0)
            {
                Add(AuditRules.Check(row.Audit.ToDetails(), today));
                if (rowErrors.Count == 0) Add(AuditRules.Check(row.Finding.ToDetails(), row.Audit.EndDate!.Value, today));
                if (rowErrors.Count == 0 && row.Action is { } a) Add(AuditRules.Check(a.ToDetails(), row.Audit.EndDate!.Value), ofAction: true);
            }
            if (rowErrors.Count > 0)
            {
                rejected++;
                errors.AddRange(rowErrors);
                continue;
            }

            var audit = existingAudits.FirstOrDefault(x => x.SupplierId == supplierId && x.Scheme == row.Audit.Scheme && x.Type == row.Audit.Type
                                                          && x.StartDate == row.Audit.StartDate && x.EndDate == row.Audit.EndDate);
            if (audit is null)
            {
                audit = new Audit
                {
                    SupplierId = supplierId, Scheme = row.Audit.Scheme!.Value, Type = row.Audit.Type!.Value, Announcement = row.Audit.Announcement!.Value,
                    IsIndependent = row.Audit.IsIndependent!.Value, AuditFirm = Blank(row.Audit.AuditFirm), LeadAuditor = Blank(row.Audit.LeadAuditor),
                    StartDate = row.Audit.StartDate!.Value, EndDate = row.Audit.EndDate!.Value, WorkersInterviewed = row.Audit.WorkersInterviewed,
                    Rating = Blank(row.Audit.Rating), CreatedAt = now, UpdatedAt = now,
                };
                db.Audits.Add(audit);
                existingAudits.Add(audit);
                auditsCreated++;
            }
            var description = row.Finding.Description!.Trim();
            if (audit.Findings.Any(f => f.Severity == row.Finding.Severity && f.Description == description))
            {
                unchanged++; // the same finding from an earlier upload of this file
                continue;
            }
            var finding = new Finding
            {
                AuditId = audit.Id, SupplierId = supplierId, IloIndicator = row.Finding.IloIndicator, FarActivity = row.Finding.FarActivity,
                Severity = row.Finding.Severity!.Value, Description = description, RaisedOn = audit.EndDate, CreatedAt = now,
            };
            audit.Findings.Add(finding);
            findingsCreated++;
            if (row.Action is { } action)
            {
                finding.Actions.Add(new CorrectiveAction
                {
                    FindingId = finding.Id, SupplierId = supplierId, Description = action.Description!.Trim(), Owner = action.Owner!.Trim(),
                    DueDate = action.DueDate ?? policy.DueDate(finding.Severity, finding.RaisedOn), CreatedAt = now, UpdatedAt = now,
                });
                actionsCreated++;
            }
            imported++;

            void Add(RuleViolations violations, bool ofAction = false) => rowErrors.AddRange(violations.Select(v =>
                new ImportError(row.Row, ofAction && v.Field == "description" ? ColumnOf(AuditResultRows.Field.Action) : ColumnOfRule(v.Field), v.Code, $"Row {row.Row}: {v.Message}")));
        }
        await db.SaveChangesAsync(ct);
        return new Summary(parsed.Count, imported, unchanged, rejected, auditsCreated, findingsCreated, actionsCreated, errors);

        string ColumnOf(AuditResultRows.Field f) => map.TryGetValue(f, out var c) ? header.Cells[c] : f.ToString();
        // Rule fields are the API's names; the user knows the file's column headers.
        string ColumnOfRule(string field) => ColumnOf(field switch
        {
            "scheme" => AuditResultRows.Field.Scheme,
            "type" => AuditResultRows.Field.Type,
            "announcement" => AuditResultRows.Field.Announcement,
            "isIndependent" => AuditResultRows.Field.Independent,
            "auditFirm" => AuditResultRows.Field.AuditFirm,
            "leadAuditor" => AuditResultRows.Field.LeadAuditor,
            "startDate" => AuditResultRows.Field.StartDate,
            "endDate" => AuditResultRows.Field.EndDate,
            "workersInterviewed" => AuditResultRows.Field.WorkersInterviewed,
            "rating" => AuditResultRows.Field.Rating,
            "iloIndicator" => AuditResultRows.Field.IloIndicator,
            "farActivity" => AuditResultRows.Field.FarActivity,
            "severity" => AuditResultRows.Field.Severity,
            "owner" => AuditResultRows.Field.ActionOwner,
            "dueDate" => AuditResultRows.Field.ActionDueDate,
            "description" => AuditResultRows.Field.Finding,
            _ => AuditResultRows.Field.Finding,
        });
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/audits/imports", async (IFormFile? file, [Microsoft.AspNetCore.Mvc.FromForm] string? sheet, ComplianceDbContext db, TimeProvider clock, CancellationToken ct) =>
            {
                if (file is null) return Problems.Rule(StatusCodes.Status400BadRequest, "file", "required", "Send the results spreadsheet as the multipart field 'file'.");
                if (file.Length > Limits.MaxFileBytes)
                    return Problems.Rule(StatusCodes.Status413PayloadTooLarge, "file", "file_too_large", $"The file is {file.Length:N0} bytes; the limit is {Limits.MaxFileBytes:N0}.");
                var path = Path.GetTempFileName();
                try
                {
                    await using (var target = File.Create(path)) await file.CopyToAsync(target, ct);
                    return (await HandleAsync(path, sheet, db, clock, ct)).ToHttp(TypedResults.Ok);
                }
                finally
                {
                    File.Delete(path);
                }
            })
            .RequireAuthorization(Policies.Write)
            .DisableAntiforgery()
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(11 * 1024 * 1024))
            .WithTags("Audits").WithName("ImportAuditResults");
}
