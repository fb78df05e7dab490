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
