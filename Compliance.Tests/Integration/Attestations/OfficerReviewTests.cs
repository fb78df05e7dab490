using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Compliance.Tests.Fixtures;
using Compliance.Web.Infrastructure.Persistence;
using static Compliance.Tests.Integration.Attestations.AttestationFixture;

namespace Compliance.Tests.Integration.Attestations;

public sealed class OfficerReviewTests
{
    [Theory]
    [MemberData(nameof(ComplianceApp.Providers), MemberType = typeof(ComplianceApp))]
    public async Task An_officer_reviews_their_agencys_submissions_and_the_contractor_resubmits(DatabaseProvider provider)
    {
        await using var app = await ComplianceApp.StartAsync(provider);
        var alpha = await app.SignUpAsync("Alpha Apparel");
        var beta = await app.SignUpAsync("Beta Beverages");
        var (_, alphaCert) = await SubmittedCertificationAsync(alpha, "SAQMMA-26-C-0001", "Department of State");
        var (_, betaCert) = await SubmittedCertificationAsync(beta, "SAQMMA-26-C-0002", "  department of   STATE ");
        var (_, defenseCert) = await SubmittedCertificationAsync(await app.SignUpAsync("Gamma Gear"), "W91-26-C-0003", "Department of Defense");
        using var alphaAdmin = alpha.Admin();
        using (var form = new MultipartFormDataContent
        {
            { new StringContent("Attestation"), "ownerType" }, { new StringContent(alphaCert.ToString()), "ownerId" },
            { new ByteArrayContent("%PDF-1.4 due diligence report"u8.ToArray()), "file", "due-diligence.pdf" },
        })
            Assert.Equal(HttpStatusCode.Created, (await alphaAdmin.PostAsync("/api/v1/evidence", form)).StatusCode);

        using var officer = await OfficerAsync(app, "co@state.gov", "Department of State");
        var queue = await officer.GetFromJsonAsync<JsonElement>("/api/v1/officer/attestations");
        Assert.Equal(new[] { alphaCert, betaCert }.Order(), queue.EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).Order());
        Assert.DoesNotContain(queue.EnumerateArray(), r => r.GetProperty("id").GetGuid() == defenseCert);

        var submission = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/officer/attestations/{alphaCert}");
        Assert.Equal("Alpha Apparel", submission.GetProperty("contractor").GetString());
        Assert.Equal(1, submission.GetProperty("planVersion").GetInt32());
        Assert.Equal(5, submission.GetProperty("plan").GetArrayLength());
        Assert.Contains("1-844-888-FREE", submission.GetProperty("plan")[1].GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Equal("due-diligence.pdf", Assert.Single(submission.GetProperty("evidence").EnumerateArray()).GetProperty("fileName").GetString());

        // Review: returning needs comments; the contractor sees the outcome, resubmits, and the officer accepts.
        var noComment = await PostAsync(officer, $"/api/v1/attestations/{alphaCert}/review", new { decision = "Return" }, HttpStatusCode.BadRequest);
        AssertViolation(noComment, "comments", "required");
        var badDecision = await officer.PostAsJsonAsync($"/api/v1/attestations/{alphaCert}/review", new { decision = "Maybe" });
        Assert.Equal(HttpStatusCode.BadRequest, badDecision.StatusCode);
        await PostAsync(officer, $"/api/v1/attestations/{alphaCert}/review", new { decision = "Return", comments = "Attach the 2026 subcontractor audit results." }, HttpStatusCode.OK);
        await PostAsync(officer, $"/api/v1/attestations/{alphaCert}/review", new { decision = "Accept" }, HttpStatusCode.Conflict);

        var returned = await alphaAdmin.GetFromJsonAsync<JsonElement>($"/api/v1/attestations/{alphaCert}");
        Assert.Equal("Returned", returned.GetProperty("status").GetString());
        Assert.Equal("Attach the 2026 subcontractor audit results.", returned.GetProperty("reviewComments").GetString());
        Assert.Contains((await alphaAdmin.GetFromJsonAsync<JsonElement>("/api/v1/notifications")).GetProperty("items").EnumerateArray(),
            n => n.GetProperty("kind").GetString() == "AttestationReturned");

        await PostAsync(alphaAdmin, $"/api/v1/attestations/{alphaCert}/submit", null, HttpStatusCode.OK);
        var accepted = await PostAsync(officer, $"/api/v1/attestations/{alphaCert}/review", new { decision = "Accept" }, HttpStatusCode.OK);
        Assert.Equal("Accepted", accepted.GetProperty("status").GetString());
        Assert.Equal(2, accepted.GetProperty("reviews").GetArrayLength());
        await PostAsync(alphaAdmin, $"/api/v1/attestations/{alphaCert}/submit", null, HttpStatusCode.Conflict);
        var final = await alphaAdmin.GetFromJsonAsync<JsonElement>($"/api/v1/attestations/{alphaCert}");
        Assert.Equal("Accepted", final.GetProperty("status").GetString());
        Assert.Equal("co@state.gov", final.GetProperty("reviewedBy").GetString());
    }

    [Theory]
    [MemberData(nameof(ComplianceApp.Providers), MemberType = typeof(ComplianceApp))]
    public async Task An_officer_sees_nothing_of_another_agency_or_of_any_contractors_other_data(DatabaseProvider provider)
    {
        await using var app = await ComplianceApp.StartAsync(provider);
        var alpha = await app.SignUpAsync("Alpha Apparel");
        var (contract, stateCert) = await SubmittedCertificationAsync(alpha, "SAQMMA-26-C-0001", "Department of State");
        var gamma = await app.SignUpAsync("Gamma Gear");
        var (_, defenseCert) = await SubmittedCertificationAsync(gamma, "W91-26-C-0003", "Department of Defense");
        var supplier = await alpha.CreateSupplierAsync("S-1", "Saigon Garment Co.");
        using var alphaAdmin = alpha.Admin();
        var draft = (await PostAsync(alphaAdmin, "/api/v1/attestations", new { kind = "FarCertification", contractId = contract })).GetProperty("id").GetGuid();
        var supplierCert = (await PostAsync(alphaAdmin, "/api/v1/attestations", new { kind = "SupplierCertification", supplierId = supplier, contactName = "Mai", contactEmail = "mai@saigon.test" })).GetProperty("id").GetGuid();
        var audit = (await PostAsync(alphaAdmin, "/api/v1/audits", Audits.AuditApiTests.AuditBody(supplier))).GetProperty("id").GetGuid();

        using var defense = await OfficerAsync(app, "co@army.mil", "Department of Defense");
        // Another agency's submission, a draft never submitted, a supplier certification: all 404, for reading and reviewing.
        foreach (var id in new[] { stateCert, draft, supplierCert })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await defense.GetAsync($"/api/v1/officer/attestations/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await defense.PostAsJsonAsync($"/api/v1/attestations/{id}/review", new { decision = "Accept" })).StatusCode);
        }
        Assert.Equal([defenseCert], (await defense.GetFromJsonAsync<JsonElement>("/api/v1/officer/attestations")).EnumerateArray().Select(r => r.GetProperty("id").GetGuid()));

        // Everything else of a contractor: 404, never 403, never data — API and pages alike.
        string[] elsewhere =
        [
            $"/api/v1/suppliers/{supplier}", "/api/v1/suppliers", $"/api/v1/audits/{audit}", "/api/v1/audits", "/api/v1/grievances",
            $"/api/v1/contracts/{contract}", "/api/v1/contracts", $"/api/v1/attestations/{stateCert}", "/api/v1/attestations", "/api/v1/compliance-plan",
            "/api/v1/evidence", "/api/v1/credible-information", "/api/v1/training-sessions", "/api/v1/exports/evidence.xlsx", "/api/v1/audit-events",
            $"/Suppliers/Details/{supplier}", "/Suppliers", "/Audits", "/Grievances", "/Attestations", "/",
        ];
        foreach (var url in elsewhere)
        {
            var response = await defense.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url}: {(int)response.StatusCode}");
            Assert.DoesNotContain("Saigon", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await defense.PostAsJsonAsync("/api/v1/suppliers", new { externalReference = "X", name = "X", country = "US" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await defense.PostAsync($"/api/v1/attestations/{defenseCert}/submit", null)).StatusCode);

        // The officer's own pages work, and so does signing out.
        Assert.Equal(HttpStatusCode.OK, (await defense.GetAsync("/Officer")).StatusCode);
        var page = await defense.GetStringAsync($"/Officer/Review/{defenseCert}");
        Assert.Contains("Gamma Gear", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await defense.GetAsync($"/Officer/Review/{stateCert}")).StatusCode);
        var token = await TestOrganization.AntiforgeryTokenAsync(defense, "/Officer");
        var logout = await defense.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await defense.GetAsync("/api/v1/officer/attestations")).StatusCode);

        // Members of an organization are not officers.
        Assert.Equal(HttpStatusCode.Forbidden, (await alphaAdmin.GetAsync("/api/v1/officer/attestations")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await alphaAdmin.PostAsJsonAsync($"/api/v1/attestations/{stateCert}/review", new { decision = "Accept" })).StatusCode);
    }

    [Theory]
    [MemberData(nameof(ComplianceApp.Providers), MemberType = typeof(ComplianceApp))]
    public async Task Another_organization_gets_404s_and_empty_lists(DatabaseProvider provider)
    {
        await using var app = await ComplianceApp.StartAsync(provider);
        var alpha = await app.SignUpAsync("Alpha Apparel");
        var (contract, cert) = await SubmittedCertificationAsync(alpha, "SAQMMA-26-C-0001", "Department of State");
        using var alphaAdmin = alpha.Admin();
        await PostAsync(alphaAdmin, "/api/v1/training-sessions", new { title = "Forced labour indicators", heldOn = Today, audience = "SupplyChainManagement", trained = 8, inScope = 10 });
        await PostAsync(alphaAdmin, "/api/v1/credible-information", new { contractId = contract, whatWasDisclosed = "Recruitment fees at a tier-2 supplier", contractingOfficer = "co@state.gov", inspectorGeneral = "State OIG", disclosedOn = Today, actionsTaken = "Subcontract suspended" });
        await PostAsync(alphaAdmin, "/api/v1/accountability/actions", new { takenOn = Today, against = "Supplier", description = "Terminated agency agreement" });

        var beta = await app.SignUpAsync("Beta Beverages");
        using var b = beta.Admin();
        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync($"/api/v1/contracts/{contract}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.PutAsJsonAsync($"/api/v1/contracts/{contract}", ContractBody("X", "Department of State"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync($"/api/v1/attestations/{cert}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.PostAsync($"/api/v1/attestations/{cert}/submit", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.PostAsJsonAsync($"/api/v1/attestations/{cert}/sign", new { signerName = "x", signerTitle = "y", signedOn = Today, statementVersion = "far-52.222-56-1.0" })).StatusCode);
        var planted = await PostAsync(b, "/api/v1/attestations", new { kind = "FarCertification", contractId = contract }, HttpStatusCode.BadRequest);
        AssertViolation(planted, "contractId", "contract_not_found");
        foreach (var list in new[] { "/api/v1/contracts", "/api/v1/attestations", "/api/v1/credible-information", "/api/v1/training-sessions", "/api/v1/accountability/actions", "/api/v1/attestations/flow-down" })
            Assert.Equal(0, (await b.GetFromJsonAsync<JsonElement>(list)).GetArrayLength());
        using var browserB = await beta.SignedInClientAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await browserB.GetAsync($"/Attestations/Details/{cert}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browserB.GetAsync($"/Attestations/Contract/{contract}")).StatusCode);
        Assert.DoesNotContain("SAQMMA", await browserB.GetStringAsync("/Attestations"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Records_for_the_california_disclosure_refuse_bad_input()
    {
        await using var app = new ComplianceApp();
        var org = await app.SignUpAsync("Alpha Apparel");
        using var admin = org.Admin();
        var training = await PostAsync(admin, "/api/v1/training-sessions", new { title = "", heldOn = Today.AddDays(3), trained = 12, inScope = 10 }, HttpStatusCode.BadRequest);
        AssertViolation(training, "title", "required");
        AssertViolation(training, "heldOn", "in_future");
        AssertViolation(training, "audience", "required");
        AssertViolation(training, "trained", "exceeds_in_scope");
        var disclosure = await PostAsync(admin, "/api/v1/credible-information", new { whatWasDisclosed = "x", grievanceId = Guid.NewGuid() }, HttpStatusCode.BadRequest);
        AssertViolation(disclosure, "inspectorGeneral", "required");
        AssertViolation(disclosure, "grievanceId", "grievance_not_found");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/v1/accountability/policy")).StatusCode);
        await SendAsync(admin, HttpMethod.Put, "/api/v1/accountability/policy", new { text = "Employees and contractors who breach the supplier code face discipline up to termination.", adoptedOn = Today }, HttpStatusCode.OK);
        Assert.Equal(Today.ToString("yyyy-MM-dd"), (await admin.GetFromJsonAsync<JsonElement>("/api/v1/accountability/policy")).GetProperty("adoptedOn").GetString());
        var notRequired = (await PostAsync(admin, "/api/v1/contracts", ContractBody("W9", "GSA", 10_000m))).GetProperty("id").GetGuid();
        var refused = await PostAsync(admin, "/api/v1/attestations", new { kind = "FarCertification", contractId = notRequired }, HttpStatusCode.BadRequest);
        AssertViolation(refused, "contractId", "certification_not_required");
        var noKind = await PostAsync(admin, "/api/v1/attestations", new { }, HttpStatusCode.BadRequest);
        AssertViolation(noKind, "kind", "required");
    }

    [Fact]
    public async Task A_submission_goes_to_the_agency_the_contract_names_when_it_is_submitted()
    {
        await using var app = new ComplianceApp();
        var org = await app.SignUpAsync("Alpha Apparel");
        using var admin = org.Admin();
        var contract = (await PostAsync(admin, "/api/v1/contracts", ContractBody("W1", "Department of Defence"))).GetProperty("id").GetGuid();
        await SendAsync(admin, HttpMethod.Put, "/api/v1/compliance-plan", PlanBody(), HttpStatusCode.OK);
        var created = await PostAsync(admin, "/api/v1/attestations", new { kind = "FarCertification", contractId = contract });
        var id = created.GetProperty("id").GetGuid();
        await PostAsync(admin, $"/api/v1/attestations/{id}/sign", new { signerName = "Pat Lee", signerTitle = "CEO", signedOn = Today, statementVersion = created.GetProperty("statementVersion").GetString() }, HttpStatusCode.OK);
        // The agency name was misspelt; corrected before submitting.
        await SendAsync(admin, HttpMethod.Put, $"/api/v1/contracts/{contract}", ContractBody("W1", "Department of Defense"), HttpStatusCode.OK);
        await PostAsync(admin, $"/api/v1/attestations/{id}/submit", null, HttpStatusCode.OK);

        using var defense = await OfficerAsync(app, "co@army.mil", "Department of Defense");
        Assert.Equal([id], (await defense.GetFromJsonAsync<JsonElement>("/api/v1/officer/attestations")).EnumerateArray().Select(r => r.GetProperty("id").GetGuid()));
        using var misspelt = await OfficerAsync(app, "co@elsewhere.gov", "Department of Defence");
        Assert.Empty((await misspelt.GetFromJsonAsync<JsonElement>("/api/v1/officer/attestations")).EnumerateArray());
    }
}
