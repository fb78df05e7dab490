using System.Net;
using Compliance.Tests.Fixtures;
using static Compliance.Tests.Integration.Audits.AuditApiTests;

namespace Compliance.Tests.Integration.Audits;

public sealed class AuditPagesRoleTests
{
    [Fact]
    public async Task An_auditor_reads_the_audit_page_but_its_forms_are_refused()
    {
        await using var app = new ComplianceApp();
        var org = await app.SignUpAsync("Alpha Apparel");
        var supplier = await org.CreateSupplierAsync("A-1", "Alpha Knitting Mill");
        using var admin = org.Admin();
        var auditId = (await PostAsync(admin, "/api/v1/audits", AuditBody(supplier))).GetProperty("id").GetGuid();
        const string auditorEmail = "auditor@alpha.test";
        await MembershipsFixture.AddUserAsync(app, org.Id, auditorEmail, TestOrganization.Password, Compliance.Domain.Tenancy.Role.Auditor);

        using var auditor = await TestOrganization.SignInAsync(app, auditorEmail, TestOrganization.Password);
        var html = await auditor.GetStringAsync($"/Audits/Details/{auditId}");
        Assert.Contains("Alpha Knitting Mill", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Record finding", html, StringComparison.Ordinal);

        var token = await TestOrganization.AntiforgeryTokenAsync(auditor, "/Account/Logout");
        var post = await auditor.PostAsync($"/Audits/Details/{auditId}?handler=AddFinding", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["iloIndicator"] = "Deception", ["severity"] = "Minor", ["description"] = "planted by a reader", ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Contains("AccessDenied", post.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("planted by a reader", await admin.GetStringAsync($"/api/v1/audits/{auditId}"), StringComparison.Ordinal);
    }
}
