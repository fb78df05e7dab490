using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Compliance.Tests.Fixtures;
using Compliance.Web.Infrastructure.Persistence;
using static Compliance.Tests.Integration.Attestations.AttestationFixture;

namespace Compliance.Tests.Integration.Attestations;

public sealed class ContractAndPlanTests
{
    [Theory]
    [MemberData(nameof(ComplianceApp.Providers), MemberType = typeof(ComplianceApp))]
    public async Task A_contract_says_whether_a_plan_is_required_by_the_threshold_in_force_at_award(DatabaseProvider provider)
    {
        await using var app = await ComplianceApp.StartAsync(provider);
        var org = await app.SignUpAsync("Alpha Apparel");
        using var admin = org.Admin();

        // $700,000 from 1 October 2025: equal does not exceed.
        var at = await PostAsync(admin, "/api/v1/contracts", ContractBody("W1", "Department of State", 700_000m, new DateOnly(2025, 10, 1)));
        Assert.False(at.GetProperty("compliancePlanRequired").GetBoolean());
        Assert.Contains("$700,000", at.GetProperty("reason").GetString(), StringComparison.Ordinal);
        var above = await PostAsync(admin, "/api/v1/contracts", ContractBody("W2", "Department of State", 700_000.01m, new DateOnly(2025, 10, 1)));
        Assert.True(above.GetProperty("compliancePlanRequired").GetBoolean());
        // The day before, $550,000 was in force.
        var before = await PostAsync(admin, "/api/v1/contracts", ContractBody("W3", "Department of State", 600_000m, new DateOnly(2025, 9, 30)));
        Assert.True(before.GetProperty("compliancePlanRequired").GetBoolean());
        Assert.Contains("$550,000", before.GetProperty("reason").GetString(), StringComparison.Ordinal);

        // PUT re-decides with the new figures.
        var id = before.GetProperty("id").GetGuid();
        var updated = await SendAsync(admin, HttpMethod.Put, $"/api/v1/contracts/{id}", ContractBody("W3", "Department of State", 500_000m, new DateOnly(2025, 9, 30)), HttpStatusCode.OK);
        Assert.False(updated.GetProperty("compliancePlanRequired").GetBoolean());
        Assert.Equal(3, (await admin.GetFromJsonAsync<JsonElement>("/api/v1/contracts")).GetArrayLength());
        Assert.Equal("W3", (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/contracts/{id}")).GetProperty("number").GetString());

        // Bad input: ProblemDetails naming each field and rule; nothing is stored.
        var bad = await PostAsync(admin, "/api/v1/contracts", new { number = "", agency = "DoS", contractingOfficerEmail = "not-an-email", value = 100m, outsideUsValue = 200m }, HttpStatusCode.BadRequest);
        AssertViolation(bad, "number", "required");
        AssertViolation(bad, "contractingOfficerEmail", "invalid_email");
        AssertViolation(bad, "outsideUsValue", "exceeds_value");
        AssertViolation(bad, "awardDate", "required");
        var malformed = await admin.PostAsync("/api/v1/contracts", new StringContent("{\"value\": \"lots\"}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("application/problem+json", malformed.Content.Headers.ContentType?.MediaType);
        var duplicate = await PostAsync(admin, "/api/v1/contracts", ContractBody("W1", "Department of State"), HttpStatusCode.Conflict);
        AssertViolation(duplicate, "number", "duplicate_number");
        Assert.Equal(3, (await admin.GetFromJsonAsync<JsonElement>("/api/v1/contracts")).GetArrayLength());
    }

    [Theory]
    [MemberData(nameof(ComplianceApp.Providers), MemberType = typeof(ComplianceApp))]
    public async Task Each_plan_save_is_a_new_version_and_evidence_stays_with_its_element(DatabaseProvider provider)
    {
        await using var app = await ComplianceApp.StartAsync(provider);
        var org = await app.SignUpAsync("Alpha Apparel");
        using var admin = org.Admin();

        var v1 = await SendAsync(admin, HttpMethod.Put, "/api/v1/compliance-plan", PlanBody("First awareness text."), HttpStatusCode.OK);
        Assert.Equal(1, v1.GetProperty("version").GetInt32());
        var awareness = v1.GetProperty("elements").EnumerateArray().First(e => e.GetProperty("kind").GetString() == "AwarenessProgram").GetProperty("elementId").GetGuid();
        using (var form = new MultipartFormDataContent())
        {
            form.Add(new StringContent("CompliancePlanElement"), "ownerType");
            form.Add(new StringContent(awareness.ToString()), "ownerId");
            form.Add(new ByteArrayContent("%PDF-1.4 training attendance"u8.ToArray()), "file", "attendance.pdf");
            Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync("/api/v1/evidence", form)).StatusCode);
        }
        var v2 = await SendAsync(admin, HttpMethod.Put, "/api/v1/compliance-plan", PlanBody("Second awareness text."), HttpStatusCode.OK);
        Assert.Equal(2, v2.GetProperty("version").GetInt32());
        Assert.Equal(2, v2.GetProperty("versions").GetArrayLength());
        var element = v2.GetProperty("elements").EnumerateArray().First(e => e.GetProperty("kind").GetString() == "AwarenessProgram");
        Assert.Equal("Second awareness text.", element.GetProperty("text").GetString());
        Assert.Equal("attendance.pdf", Assert.Single(element.GetProperty("evidence").EnumerateArray()).GetProperty("fileName").GetString());

        var old = await admin.GetFromJsonAsync<JsonElement>("/api/v1/compliance-plan/versions/1");
        Assert.Equal("First awareness text.", old.GetProperty("elements")[0].GetProperty("text").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/v1/compliance-plan/versions/9")).StatusCode);

        // FAR 52.222-50(h)(3)(ii): the hotline must be part of the reporting process; housing is a plan or an explicit "none".
        var bad = await SendAsync(admin, HttpMethod.Put, "/api/v1/compliance-plan", new { awarenessProgram = "x", reportingProcess = "Tell HR.", recruitmentAndWagePlan = "y", subcontractorProcedures = "z" }, HttpStatusCode.BadRequest);
        AssertViolation(bad, "reportingProcess", "hotline_missing");
        AssertViolation(bad, "housingPlan", "required");
        Assert.Equal(2, (await admin.GetFromJsonAsync<JsonElement>("/api/v1/compliance-plan")).GetProperty("version").GetInt32());

        // Another organization sees no plan and cannot attach evidence to this one's element.
        var other = await app.SignUpAsync("Beta Beverages");
        using var b = other.Admin();
        var theirs = await b.GetFromJsonAsync<JsonElement>("/api/v1/compliance-plan");
        Assert.Equal(JsonValueKind.Null, theirs.GetProperty("version").ValueKind);
        Assert.All(theirs.GetProperty("elements").EnumerateArray(), e => Assert.Empty(e.GetProperty("evidence").EnumerateArray()));
        using var planted = new MultipartFormDataContent
        {
            { new StringContent("CompliancePlanElement"), "ownerType" }, { new StringContent(awareness.ToString()), "ownerId" },
            { new ByteArrayContent("%PDF-1.4 planted"u8.ToArray()), "file", "planted.pdf" },
        };
        var refused = await b.PostAsync("/api/v1/evidence", planted);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("owner_not_found", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_auditor_reads_the_attestation_pages_but_changes_nothing()
    {
        await using var app = new ComplianceApp();
        var org = await app.SignUpAsync("Alpha Apparel");
        await SubmittedCertificationAsync(org, "W1", "Department of State");
        await MembershipsFixture.AddUserAsync(app, org.Id, "auditor@alpha.test", TestOrganization.Password, Compliance.Domain.Tenancy.Role.Auditor);
        using var auditor = await TestOrganization.SignInAsync(app, "auditor@alpha.test", TestOrganization.Password);
        foreach (var page in new[] { "/Attestations", "/Attestations/Plan", "/Attestations/Records" })
            Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync(page)).StatusCode);
        var token = await TestOrganization.AntiforgeryTokenAsync(auditor, "/Attestations/Records");
        var post = await auditor.PostAsync("/Attestations/Records?handler=Training", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["title"] = "Planted", ["heldOn"] = Today.ToString("yyyy-MM-dd"), ["audience"] = "Employees", ["trained"] = "1", ["inScope"] = "1", ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode); // Forbid: the cookie scheme sends the browser to Access denied
        Assert.Contains("/Account/AccessDenied", post.Headers.Location!.ToString(), StringComparison.Ordinal);
        using var admin = org.Admin();
        Assert.Equal(0, (await admin.GetFromJsonAsync<JsonElement>("/api/v1/training-sessions")).GetArrayLength());
        using var auditorApi = await org.ClientAsync("Auditor");
        Assert.Equal(HttpStatusCode.Forbidden, (await auditorApi.PutAsJsonAsync("/api/v1/compliance-plan", PlanBody())).StatusCode);
    }
}
