using Compliance.Domain.Audits;
using Compliance.Web.Features.Audits;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Compliance.Web.Pages.Audits;

public sealed class IndexModel(ComplianceDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;
    [BindProperty(SupportsGet = true)] public Guid? SupplierId { get; set; }
    public Features.Paged<ListAudits.Row> Result { get; private set; } = null!;
    public bool CanWrite => User.IsInRole("Admin") || User.IsInRole("ComplianceOfficer");

    public async Task OnGetAsync(CancellationToken ct) =>
        Result = await ListAudits.HandleAsync(new ListAudits.Query(SupplierId, Page: PageNumber), db, ct);

    /// <summary>Every audit the list selects, as CSV, with the ids that trace each row to its record.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        await Infrastructure.Http.PipedDownload.CsvAsync(HttpContext, "audits.csv", csv =>
        {
            csv.Write("Audit id").Write("End date").Write("Supplier id").Write("Supplier").Write("Scheme").Write("Type").Write("Announcement")
                .Write("Independent").Write("Audit firm").Write("Findings").Write("Open findings").Write("Zero-tolerance findings").EndRow();
            foreach (var a in ListAudits.RowsOf(ListAudits.Matching(new ListAudits.Query(SupplierId), db), db).AsEnumerable())
                csv.Write(a.Id.ToString()).Write(a.EndDate).Write(a.SupplierId.ToString()).Write(a.SupplierName).Write(AuditWords.Scheme(a.Scheme)).Write(a.Type.ToString())
                    .Write(AuditWords.Announcement(a.Announcement)).Write(a.IsIndependent).Write(a.AuditFirm).Write(a.Findings).Write(a.OpenFindings).Write(a.ZeroToleranceFindings).EndRow();
        }, ct);
        return new EmptyResult(); // the response is written
    }
}

/// <summary>Enum values as people read them.</summary>
public static class AuditWords
{
    public static string Scheme(AuditScheme s) => s switch
    {
        AuditScheme.Smeta => "SMETA",
        AuditScheme.AmforiBsci => "amfori BSCI",
        AuditScheme.RbaVap => "RBA VAP",
        AuditScheme.Sa8000 => "SA8000",
        _ => s.ToString(),
    };

    public static string Announcement(AuditAnnouncement a) => a switch
    {
        AuditAnnouncement.SemiAnnounced => "semi-announced",
        _ => a.ToString().ToLowerInvariant(),
    };

    public static string Severity(FindingSeverity s) => s == FindingSeverity.ZeroTolerance ? "Zero tolerance" : s.ToString();

    /// <summary>"RetentionOfIdentityDocuments" → "Retention of identity documents".</summary>
    public static string Spaced(Enum value)
    {
        var text = System.Text.RegularExpressions.Regex.Replace(value.ToString(), "(?<=[a-z])(?=[A-Z])", " ");
        return text[..1] + text[1..].ToLowerInvariant();
    }
}
