using Compliance.Web.Features.Tokens;
using Compliance.Web.Infrastructure.Identity;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Compliance.Web.Pages.Tokens;

/// <summary>The same handlers as /api/v1/tokens. The folder is Admin-only (Program.cs).</summary>
public sealed class IndexModel(ComplianceDbContext db, TimeProvider clock, ApiTokenCache cache) : PageModel
{
    public sealed class TokenInput
    {
        public string? Name { get; set; }
        public string? Role { get; set; } = "Auditor";
    }

    [BindProperty] public TokenInput Input { get; set; } = new();
    public IReadOnlyList<ApiTokens.Summary> Tokens { get; private set; } = [];
    public ApiTokens.Created? NewToken { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Tokens = await ApiTokens.ListAsync(db, ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        var created = await ApiTokens.CreateAsync(new ApiTokens.CreateRequest(Input.Name, Input.Role), User.Identity?.Name ?? "unknown", db, clock, ct);
        if (created.Succeeded) NewToken = created.Value;
        else created.AddTo(ModelState, nameof(Input));
        Tokens = await ApiTokens.ListAsync(db, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken ct)
    {
        var revoked = await ApiTokens.RevokeAsync(id, db, clock, cache, ct);
        return revoked.Succeeded ? RedirectToPage() : NotFound();
    }
}
