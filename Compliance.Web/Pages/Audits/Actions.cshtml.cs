using Compliance.Domain.Audits;
using Compliance.Web.Features.Audits;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Compliance.Web.Pages.Audits;

/// <summary>The CAP ageing view and the queue of open actions.</summary>
public sealed class ActionsModel(ComplianceDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public bool Overdue { get; set; }
    public CorrectiveActionQueue.Ageing Ageing { get; private set; } = null!;
    public Features.Paged<CorrectiveActionQueue.Row> Queue { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Ageing = await CorrectiveActionQueue.AgeingAsync(db, clock, ct);
        Queue = await CorrectiveActionQueue.ListAsync(QueueQuery, db, clock, ct);
    }

    /// <summary>The whole queue the page shows (not just its first 200), as CSV.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        await Infrastructure.Http.PipedDownload.CsvAsync(HttpContext, Overdue ? "overdue-corrective-actions.csv" : "open-corrective-actions.csv", csv =>
        {
            csv.Write("Action id").Write("Due date").Write("Overdue").Write("Status").Write("Action").Write("Owner").Write("Days open")
                .Write("Severity").Write("Finding").Write("Finding id").Write("Audit id").Write("Supplier id").Write("Supplier").EndRow();
            foreach (var r in CorrectiveActionQueue.All(QueueQuery, db, clock))
                csv.Write(r.Id.ToString()).Write(r.DueDate).Write(r.Overdue).Write(CorrectiveActionFlow.Words(r.Status)).Write(r.Description).Write(r.Owner).Write(r.DaysOpen)
                    .Write(AuditWords.Severity(r.Severity)).Write(r.Finding).Write(r.FindingId.ToString()).Write(r.AuditId.ToString()).Write(r.SupplierId.ToString()).Write(r.SupplierName).EndRow();
        }, ct);
        return new EmptyResult(); // the response is written
    }

    private CorrectiveActionQueue.Query QueueQuery => new(Overdue: Overdue ? true : null, OpenOnly: true, PageSize: 200);
}
