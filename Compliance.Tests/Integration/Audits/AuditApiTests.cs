using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Compliance.Tests.Fixtures;
using Compliance.Web.Infrastructure.Persistence;

namespace Compliance.Tests.Integration.Audits;

public sealed class AuditApiTests
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    public static object AuditBody(Guid supplierId, DateOnly? end = null) => new
    {
        supplierId, scheme = "Smeta", type = "Initial", announcement = "Unannounced", isIndependent = true,
        auditFirm = "Elevate Limited", leadAuditor = "Mai Nguyen", startDate = (end ?? Today).AddDays(-2), endDate = end ?? Today, workersInterviewed = 38,
    };

    [Theory]
    [MemberData(nameof(ComplianceApp.Providers), MemberType = typeof(ComplianceApp))]
    public async Task An_audit_finding_and_corrective_action_follow_the_flow_to_verified(DatabaseProvider provider)
    {
        await using var app = await ComplianceApp.StartAsync(provider);
        var org = await app.SignUpAsync("Alpha Apparel");
        var supplier = await org.CreateSupplierAsync("A-1", "Alpha Knitting Mill");
        using var admin = org.Admin();

        var audit = await PostAsync(admin, "/api/v1/audits", AuditBody(supplier));
        var auditId = audit.GetProperty("id").GetGuid();
        Assert.Equal("Alpha Knitting Mill", audit.GetProperty("supplierName").GetString());

        var finding = await PostAsync(admin, $"/api/v1/audits/{auditId}/findings", new
        {
            iloIndicator = "RetentionOfIdentityDocuments", farActivity = "WithheldIdentityDocuments", severity = "ZeroTolerance",
            description = "Passports of 14 migrant workers kept in the HR office safe.",
        });
        var findingId = finding.GetProperty("id").GetGuid();
        Assert.True(finding.GetProperty("open").GetBoolean());

        var action = await PostAsync(admin, $"/api/v1/findings/{findingId}/actions", new { description = "Return all passports; provide personal lockers.", owner = "Factory HR manager" });
        var actionId = action.GetProperty("id").GetGuid();
        // Zero tolerance: 30 days from the audit's end, by the default policy.
        Assert.Equal(Today.AddDays(30), DateOnly.Parse(action.GetProperty("dueDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("Open", action.GetProperty("status").GetString());

        var jump = await admin.PostAsJsonAsync($"/api/v1/corrective-actions/{actionId}/status", new { status = "Verified", verificationMethod = "DesktopReview" });
        Assert.Equal(HttpStatusCode.Conflict, jump.StatusCode);
        var noReason = await admin.PostAsJsonAsync($"/api/v1/corrective-actions/{actionId}/status", new { status = "Disputed" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("reason", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await PostAsync(admin, $"/api/v1/corrective-actions/{actionId}/status", new { status = "InProgress" }, HttpStatusCode.OK);
        await PostAsync(admin, $"/api/v1/corrective-actions/{actionId}/status", new { status = "Completed" }, HttpStatusCode.OK);
        var verified = await PostAsync(admin, $"/api/v1/corrective-actions/{actionId}/status", new { status = "Verified", verificationMethod = "FollowUpAudit" }, HttpStatusCode.OK);
        Assert.Equal("token:Initial admin token", verified.GetProperty("verifiedBy").GetString());

        var reloaded = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/audits/{auditId}");
        var only = Assert.Single(reloaded.GetProperty("findings").EnumerateArray());
        Assert.False(only.GetProperty("open").GetBoolean()); // every action verified
        var list = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/audits?supplierId={supplier}");
        Assert.Equal(1, list.GetProperty("totalCount").GetInt32());
        Assert.Equal(0, list.GetProperty("items")[0].GetProperty("openFindings").GetInt32());

        var delete = await admin.DeleteAsync($"/api/v1/suppliers/{supplier}");
        Assert.Equal(HttpStatusCode.Conflict, delete.StatusCode);
        Assert.Contains("supplier_has_audits", await delete.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var history = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/audit-events?entityType=CorrectiveAction&entityId={actionId}");
        Assert.Equal(4, history.GetProperty("totalCount").GetInt32()); // created, in progress, completed, verified
    }

    [Fact]
    public async Task Bad_audits_findings_and_actions_are_400s_naming_the_field()
    {
        await using var app = new ComplianceApp();
        var org = await app.SignUpAsync("Alpha Apparel");
        var supplier = await org.CreateSupplierAsync("A-1");
        using var admin = org.Admin();

        await AssertRuleAsync(admin, "/api/v1/audits", new { supplierId = supplier, scheme = "Internal", type = "Initial", announcement = "Announced", isIndependent = true, startDate = Today, endDate = Today }, "isIndependent", "contradiction");
        await AssertRuleAsync(admin, "/api/v1/audits", new { supplierId = supplier, scheme = "Smeta", type = "Initial", announcement = "Announced", isIndependent = false, startDate = Today, endDate = Today.AddDays(-3) }, "endDate", "before_start");
        await AssertRuleAsync(admin, "/api/v1/audits", new { supplierId = Guid.NewGuid(), scheme = "Smeta", type = "Initial", announcement = "Announced", isIndependent = false, startDate = Today, endDate = Today }, "supplierId", "supplier_not_found");
        await AssertRuleAsync(admin, "/api/v1/audits", new { supplierId = supplier }, "scheme", "required");
        var malformed = await admin.PostAsJsonAsync("/api/v1/audits", new { supplierId = supplier, scheme = "Smeta", type = "Initial", announcement = "Sometimes", isIndependent = false, startDate = Today, endDate = Today });
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Contains("announcement", await malformed.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var auditId = (await PostAsync(admin, "/api/v1/audits", AuditBody(supplier))).GetProperty("id").GetGuid();
        await AssertRuleAsync(admin, $"/api/v1/audits/{auditId}/findings", new { severity = "Major", description = "Overtime above 60 hours a week" }, "iloIndicator", "required");
        var findingId = (await PostAsync(admin, $"/api/v1/audits/{auditId}/findings", new { iloIndicator = "ExcessiveOvertime", severity = "Major", description = "Overtime above 60 hours a week" })).GetProperty("id").GetGuid();
        await AssertRuleAsync(admin, $"/api/v1/findings/{findingId}/actions", new { description = "Cap overtime" }, "owner", "required");
        await AssertRuleAsync(admin, $"/api/v1/findings/{findingId}/actions", new { description = "Cap overtime", owner = "GM", dueDate = Today.AddDays(-10) }, "dueDate", "before_finding");

        var audits = await admin.GetFromJsonAsync<JsonElement>("/api/v1/audits");
        Assert.Equal(1, audits.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task The_severity_policy_sets_due_dates_and_only_an_Admin_changes_it()
    {
        await using var app = new ComplianceApp();
        var org = await app.SignUpAsync("Alpha Apparel");
        var supplier = await org.CreateSupplierAsync("A-1");
        using var admin = org.Admin();
        using var officer = await org.ClientAsync("ComplianceOfficer");

        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PutAsJsonAsync("/api/v1/settings/corrective-action-policy", new { zeroToleranceDays = 7, majorDays = 60, minorDays = 120, observationDays = 365 })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsJsonAsync("/api/v1/settings/corrective-action-policy", new { zeroToleranceDays = 200, majorDays = 60, minorDays = 120, observationDays = 365 })).StatusCode);
        (await admin.PutAsJsonAsync("/api/v1/settings/corrective-action-policy", new { zeroToleranceDays = 7, majorDays = 60, minorDays = 120, observationDays = 365 })).EnsureSuccessStatusCode();
        Assert.Equal(60, (await officer.GetFromJsonAsync<JsonElement>("/api/v1/settings/corrective-action-policy")).GetProperty("majorDays").GetInt32());

        var auditId = (await PostAsync(officer, "/api/v1/audits", AuditBody(supplier))).GetProperty("id").GetGuid();
        var findingId = (await PostAsync(officer, $"/api/v1/audits/{auditId}/findings", new { farActivity = "RecruitmentFees", severity = "Major", description = "Workers paid USD 1,800 to a recruitment agent" })).GetProperty("id").GetGuid();
        var action = await PostAsync(officer, $"/api/v1/findings/{findingId}/actions", new { description = "Reimburse recruitment fees", owner = "Supplier CFO" });
        Assert.Equal(Today.AddDays(60).ToString("yyyy-MM-dd"), action.GetProperty("dueDate").GetString());

        var trail = await admin.GetFromJsonAsync<JsonElement>("/api/v1/audit-events?entityType=OrganizationSettings");
        Assert.Contains("CorrectiveActionPolicy.MajorDays", trail.GetProperty("items")[0].GetProperty("after").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overdue_actions_show_in_the_queue_and_the_ageing_view()
    {
        await using var app = new ComplianceApp();
        var org = await app.SignUpAsync("Alpha Apparel");
        var supplier = await org.CreateSupplierAsync("A-1");
        using var admin = org.Admin();
        var auditId = (await PostAsync(admin, "/api/v1/audits", AuditBody(supplier, Today.AddDays(-100)))).GetProperty("id").GetGuid();
        var findingId = (await PostAsync(admin, $"/api/v1/audits/{auditId}/findings", new { iloIndicator = "WithholdingOfWages", severity = "Major", description = "Wages paid 45 days late" })).GetProperty("id").GetGuid();
        var overdue = await PostAsync(admin, $"/api/v1/findings/{findingId}/actions", new { description = "Pay wages monthly", owner = "Supplier GM" }); // due 90 days after day -100
        await PostAsync(admin, $"/api/v1/findings/{findingId}/actions", new { description = "Pay the arrears", owner = "Supplier GM", dueDate = Today.AddDays(5) });

        Assert.True(overdue.GetProperty("overdue").GetBoolean());
        var queue = await admin.GetFromJsonAsync<JsonElement>("/api/v1/corrective-actions?overdue=true");
        Assert.Equal(overdue.GetProperty("id").GetGuid(), Assert.Single(queue.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        var ageing = await admin.GetFromJsonAsync<JsonElement>("/api/v1/corrective-actions/ageing");
        Assert.Equal(2, ageing.GetProperty("open").GetInt32());
        Assert.Equal(1, ageing.GetProperty("overdue").GetInt32());
    }

    public static async Task<JsonElement> PostAsync(HttpClient client, string url, object body, HttpStatusCode expected = HttpStatusCode.Created)
    {
        var response = await client.PostAsJsonAsync(url, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{url}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    private static async Task AssertRuleAsync(HttpClient client, string url, object body, string field, string code)
    {
        var response = await client.PostAsJsonAsync(url, body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(problem.GetProperty("violations").EnumerateArray(), v => v.GetProperty("field").GetString() == field && v.GetProperty("code").GetString() == code);
    }
}
