using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Compliance.Tests.Fixtures;
using Compliance.Web.Infrastructure.Persistence;
using static Compliance.Tests.Integration.Audits.AuditApiTests;

namespace Compliance.Tests.Integration.Audits;

/// <summary>Audits, findings, corrective actions, notices and evidence of one organization are invisible and untouchable by another.</summary>
public sealed class AuditIsolationTests
{
    [Theory]
    [MemberData(nameof(ComplianceApp.Providers), MemberType = typeof(ComplianceApp))]
    public async Task Another_organization_gets_404s_and_empty_lists(DatabaseProvider provider)
    {
        await using var app = await ComplianceApp.StartAsync(provider);
        var a = await app.SignUpAsync("Alpha Apparel");
        var b = await app.SignUpAsync("Beta Beverages");
        var supplierOfA = await a.CreateSupplierAsync("A-1", "Alpha Knitting Mill");
        using var clientA = a.Admin();
        var auditId = (await PostAsync(clientA, "/api/v1/audits", AuditBody(supplierOfA))).GetProperty("id").GetGuid();
        var findingId = (await PostAsync(clientA, $"/api/v1/audits/{auditId}/findings", new { farActivity = "RecruitmentFees", severity = "Major", description = "Recruitment fees charged" })).GetProperty("id").GetGuid();
        var actionId = (await PostAsync(clientA, $"/api/v1/findings/{findingId}/actions", new { description = "Reimburse", owner = "CFO" })).GetProperty("id").GetGuid();

        using var clientB = b.Admin();
        Assert.Equal(HttpStatusCode.NotFound, (await clientB.GetAsync($"/api/v1/audits/{auditId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await clientB.PutAsJsonAsync($"/api/v1/audits/{auditId}", AuditBody(supplierOfA))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await clientB.PostAsJsonAsync($"/api/v1/audits/{auditId}/findings", new { farActivity = "RecruitmentFees", severity = "Minor", description = "planted" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await clientB.PostAsJsonAsync($"/api/v1/findings/{findingId}/actions", new { description = "planted", owner = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await clientB.PostAsJsonAsync($"/api/v1/corrective-actions/{actionId}/status", new { status = "InProgress" })).StatusCode);
        var audit = await clientB.PostAsJsonAsync("/api/v1/audits", AuditBody(supplierOfA));
        Assert.Equal(HttpStatusCode.BadRequest, audit.StatusCode); // A's supplier does not exist for B
        Assert.Contains("supplier_not_found", await audit.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(0, (await clientB.GetFromJsonAsync<JsonElement>("/api/v1/audits")).GetProperty("totalCount").GetInt32());
        Assert.Equal(0, (await clientB.GetFromJsonAsync<JsonElement>("/api/v1/corrective-actions")).GetProperty("totalCount").GetInt32());
        Assert.Equal(0, (await clientB.GetFromJsonAsync<JsonElement>("/api/v1/corrective-actions/ageing")).GetProperty("open").GetInt32());

        using var browserB = await b.SignedInClientAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await browserB.GetAsync($"/Audits/Details/{auditId}")).StatusCode);
        Assert.DoesNotContain("Alpha Knitting Mill", await browserB.GetStringAsync("/Audits/Actions"), StringComparison.Ordinal);

        var still = await clientA.GetFromJsonAsync<JsonElement>($"/api/v1/audits/{auditId}");
        var finding = Assert.Single(still.GetProperty("findings").EnumerateArray());
        Assert.Equal("Open", Assert.Single(finding.GetProperty("actions").EnumerateArray()).GetProperty("status").GetString());
    }
}
