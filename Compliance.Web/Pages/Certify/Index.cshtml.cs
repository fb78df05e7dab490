using Compliance.Web.Features.Attestations;
using Compliance.Web.Features.Evidence;
using Compliance.Web.Infrastructure.Blobs;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Compliance.Web.Pages.Certify;

/// <summary>The supplier contact's page (no account): read the statement, sign it, optionally attach a file. Shares the API's handlers.</summary>
public sealed class IndexModel(ComplianceDbContext db, IBlobStore blobs, IConfiguration configuration, TimeProvider clock) : PageModel
{
    [FromRoute] public string Token { get; set; } = "";
    [BindProperty] public string? SignerName { get; set; }
    [BindProperty] public string? SignerTitle { get; set; }
    [BindProperty] public DateOnly? SignedOn { get; set; }
    [BindProperty] public string? StatementVersion { get; set; }
    [BindProperty] public bool Agree { get; set; }
    public CertifyByLink.LinkView? View { get; private set; }
    public CertifyByLink.LinkState State { get; private set; }
    public CertifyByLink.SignedStatement? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        (State, View) = await CertifyByLink.ViewAsync(Token, db, clock, ct);
        SignedOn = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return Answer();
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        if (!Agree)
        {
            ModelState.AddModelError(nameof(Agree), "Tick the box to confirm that you have read the statement and sign it.");
            (State, View) = await CertifyByLink.ViewAsync(Token, db, clock, ct);
            return Answer();
        }
        await using var content = file?.OpenReadStream();
        var (state, outcome) = await CertifyByLink.SignAsync(Token, new AttestationRequests.SignRequest(SignerName, SignerTitle, SignedOn, StatementVersion),
            file is null ? null : new CertifyByLink.FileUpload(file.FileName, content!), db, blobs, UploadEvidence.MaxBytes(configuration), clock, ct);
        State = state;
        if (outcome is { Succeeded: true }) { Done = outcome.Value; return Page(); }
        outcome?.AddTo(ModelState, "");
        (State, View) = await CertifyByLink.ViewAsync(Token, db, clock, ct);
        return Answer();
    }

    private IActionResult Answer()
    {
        if (State == CertifyByLink.LinkState.Unknown) return NotFound();
        if (State != CertifyByLink.LinkState.Open) Response.StatusCode = StatusCodes.Status410Gone;
        return Page();
    }
}
