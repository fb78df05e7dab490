using Compliance.Web.Features.Screening;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Compliance.Web.Pages.Screening;

/// <summary>What changed between two editions; the same handler as GET /api/v1/risk-lists/{id}/diff/{otherId}.</summary>
public sealed class DiffModel(ComplianceDbContext db) : PageModel
{
    public DiffRiskLists.Diff? Diff { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid from, Guid to, CancellationToken ct)
    {
        var outcome = await DiffRiskLists.HandleAsync(from, to, db, ct);
        if (outcome.Failure == Infrastructure.Http.Failure.NotFound) return NotFound();
        if (outcome.Succeeded) Diff = outcome.Value;
        else Error = string.Join(" ", (outcome.Errors ?? []).Select(e => e.Message));
        return Page();
    }

    public static string Flags(DiffRiskLists.Entry e)
    {
        var flags = new List<string>();
        if (e.ChildLabor) flags.Add("child labor");
        if (e.ForcedLabor) flags.Add("forced labor");
        if (e.ForcedChildLabor) flags.Add("forced child labor");
        return string.Join(", ", flags) + (e.Downstream ? $" (downstream of {e.InputGood})" : "");
    }

    public static string What(DiffRiskLists.Entry e) =>
        e.EntityName is { } name ? $"{name}{(e.Aliases is { Count: > 0 } a ? $" (aliases: {string.Join("; ", a)})" : "")}" : e.Good ?? "";
}
