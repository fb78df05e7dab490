using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Compliance.Tests.Fixtures;
using Compliance.Web.Infrastructure.Persistence;
using UglyToad.PdfPig;
using static Compliance.Tests.Integration.Attestations.AttestationFixture;

namespace Compliance.Tests.Integration.Disclosures;

public sealed class FarDisclosureTests
{
    static FarDisclosureTests() => System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);

    [Theory]
    [MemberData(nameof(ComplianceApp.Providers), MemberType = typeof(ComplianceApp))]
    public async Task A_contracts_disclosure_states_its_plan_certification_subcontractors_and_disclosures_from_the_records(DatabaseProvider provider)
    {
        await using var app = await ComplianceApp.StartAsync(provider);
        var org = await app.SignUpAsync("Alpha Federal Services");
        using var admin = org.Admin();
        var (contractId, _) = await SubmittedCertificationAsync(org, "W912-26-C-0042", "Department of the Army");
        var sub = await org.CreateSupplierAsync("S-1", "Öztürk Tekstil Sanayi A.Ş.", "TR");
        await org.CreateSupplierAsync("S-2", "Not on this contract Ltd.", "VN");
        await PostAsync(admin, "/api/v1/attestations", new { kind = "FlowDown", supplierId = sub, contractId, contactName = "Ayşe Öztürk", contactEmail = "ayse@ozturk.test" });
        await PostAsync(admin, "/api/v1/credible-information", new
        {
            contractId, whatWasDisclosed = "Recruitment fees charged to 12 workers by a labour agent of a subcontractor.", contractingOfficer = "co@agency.gov",
            inspectorGeneral = "Army OIG hotline", disclosedOn = Today, actionsTaken = "Fees reimbursed; the agent was terminated.",
        });

        var bad = await admin.PostAsJsonAsync("/api/v1/disclosures", new { kind = "far-trafficking", periodStart = Today.AddDays(-30), periodEnd = Today });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        AssertViolation(await bad.Content.ReadFromJsonAsync<JsonElement>(), "contractId", "required");
        var unknown = await admin.PostAsJsonAsync("/api/v1/disclosures", new { kind = "far-trafficking", periodStart = Today.AddDays(-30), periodEnd = Today, contractId = Guid.NewGuid() });
        AssertViolation(await unknown.Content.ReadFromJsonAsync<JsonElement>(), "contractId", "contract_not_found");

        var id = (await PostAsync(admin, "/api/v1/disclosures", new { kind = "far-trafficking", periodStart = Today.AddDays(-30), periodEnd = Today, contractId })).GetProperty("id").GetGuid();
        var draft = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/disclosures/{id}");
        var far = draft.GetProperty("far");
        Assert.Equal("W912-26-C-0042", far.GetProperty("contract").GetProperty("number").GetString());
        Assert.True(far.GetProperty("contract").GetProperty("compliancePlanRequired").GetBoolean());
        Assert.Equal(5, far.GetProperty("plan").GetProperty("elements").GetArrayLength());
        Assert.Equal("Pat Lee", far.GetProperty("certification").GetProperty("signer").GetString());
        Assert.Contains("compliance plan", far.GetProperty("certification").GetProperty("statementText").GetString(), StringComparison.OrdinalIgnoreCase);
        var subcontractor = Assert.Single(far.GetProperty("subcontractors").EnumerateArray()); // only the one asked under this contract
        Assert.Equal("Öztürk Tekstil Sanayi A.Ş.", subcontractor.GetProperty("name").GetString());
        Assert.Equal("Requested", subcontractor.GetProperty("flowDown").GetString());
        Assert.Single(far.GetProperty("credibleInformation").EnumerateArray());
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsJsonAsync($"/api/v1/disclosures/{id}/statements/audits", new { text = "x" })).StatusCode);

        var issued = await admin.PostAsync($"/api/v1/disclosures/{id}/issue", null);
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        var pdf = await admin.GetByteArrayAsync($"/api/v1/disclosures/{id}/pdf");
        if (Environment.GetEnvironmentVariable("COMPLIANCE_SCREENSHOTS") is { Length: > 0 } folder)
            await File.WriteAllBytesAsync(Path.Combine(Directory.CreateDirectory(folder).FullName, $"far-disclosure-{provider}.pdf"), pdf);
        using var document = PdfDocument.Open(pdf);
        var text = string.Join("\n", document.GetPages().Select(p => p.Text)).Replace(" ", "", StringComparison.Ordinal);
        foreach (var expected in new[] { "FAR52.222-50disclosure", "W912-26-C-0042", "DepartmentoftheArmy", "FAR52.222-50(h)(3)(v)", "FAR52.222-56certification", "PatLee",
                     "ÖztürkTekstilSanayiA.Ş.", "Recruitmentfeescharged", "Remedialactions" })
            Assert.Contains(expected, text, StringComparison.Ordinal);

        // The auditor's workbook traces the certification: statement version and hash, signer, review.
        using var auditor = await org.ClientAsync("Auditor");
        using (var reader = ExcelDataReader.ExcelReaderFactory.CreateReader(new MemoryStream(await auditor.GetByteArrayAsync("/api/v1/exports/evidence.xlsx"))))
        {
            var rows = new List<object?[]>();
            do
            {
                if (reader.Name != "Attestations") continue;
                while (reader.Read()) rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetValue)]);
            } while (reader.NextResult());
            var certification = rows.Skip(1).Single(r => (string?)r[1] == "FarCertification");
            Assert.Equal("W912-26-C-0042", certification[4]);
            Assert.Equal("Pat Lee", certification[7]);
            Assert.Equal(64, ((string)certification[6]!).Length);
            Assert.Contains(rows.Skip(1), r => (string?)r[1] == "FlowDown" && (string?)r[3] == "S-1");
        }
        var odata = await auditor.GetFromJsonAsync<JsonElement>("/odata/Attestations?$filter=Kind eq 'FarCertification'&$select=SignerName,StatementVersion");
        Assert.Equal("Pat Lee", Assert.Single(odata.GetProperty("value").EnumerateArray()).GetProperty("SignerName").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await auditor.GetAsync("/odata/Attestations?$select=TokenHash")).StatusCode);

        // The California disclosure does not take a contract, and a FAR one never leaves the organization.
        var other = await app.SignUpAsync("Beta Foods");
        using var beta = other.Admin();
        Assert.Equal(HttpStatusCode.NotFound, (await beta.GetAsync($"/api/v1/disclosures/{id}")).StatusCode);
        var foreign = await beta.PostAsJsonAsync("/api/v1/disclosures", new { kind = "far-trafficking", periodStart = Today.AddDays(-30), periodEnd = Today, contractId });
        AssertViolation(await foreign.Content.ReadFromJsonAsync<JsonElement>(), "contractId", "contract_not_found");
    }

    [Fact]
    public async Task The_california_disclosure_states_certification_accountability_and_training_from_their_records()
    {
        await using var app = new ComplianceApp();
        var org = await app.SignUpAsync("Alpha Apparel");
        using var admin = org.Admin();
        var supplier = await org.CreateSupplierAsync("V-1", "Dongguan Bright Garments Co., Ltd.");
        await org.CreateSupplierAsync("V-2", "Second Supplier Ltd.");
        var request = await PostAsync(admin, "/api/v1/attestations", new { kind = "SupplierCertification", supplierId = supplier, contactName = "Li Wei", contactEmail = "li@bright.test" });
        var token = request.GetProperty("certifyUrl").GetString()!.Split('/')[^1];
        using (var anonymous = app.Client(handleCookies: false))
            await PostAsync(anonymous, $"/api/v1/public/certify/{token}", new { signerName = "Li Wei", signerTitle = "General Manager", signedOn = Today, statementVersion = request.GetProperty("statementVersion").GetString() }, HttpStatusCode.OK);
        await SendAsync(admin, HttpMethod.Put, "/api/v1/accountability/policy", new { text = "Supplier Code enforcement policy\nViolations lead to discipline or termination.", adoptedOn = Today.AddDays(-100) }, HttpStatusCode.OK);
        await PostAsync(admin, "/api/v1/accountability/actions", new { takenOn = Today.AddDays(-3), against = "Supplier", description = "Supplier suspended after a zero-tolerance finding." });
        await PostAsync(admin, "/api/v1/training-sessions", new { title = "Forced labour risks in sourcing", heldOn = Today.AddDays(-5), audience = "SupplyChainManagement", trained = 9, inScope = 12, coversSupplyChainRiskMitigation = true });

        var id = (await PostAsync(admin, "/api/v1/disclosures", new { kind = "california-tisc", periodStart = Today.AddDays(-30), periodEnd = Today })).GetProperty("id").GetGuid();
        var draft = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/disclosures/{id}");
        string TextOf(string element) => draft.GetProperty("statements").EnumerateArray().Single(s => s.GetProperty("element").GetString() == element).GetProperty("text").GetString()!;
        Assert.Contains("1 of its 2 direct suppliers (50%) held a signed certification", TextOf("Certification"), StringComparison.Ordinal);
        Assert.Contains("(Supplier Code enforcement policy", TextOf("InternalAccountability"), StringComparison.Ordinal);
        Assert.Contains("1 enforcement action(s)", TextOf("InternalAccountability"), StringComparison.Ordinal);
        Assert.Contains("9 of 12 (75%) completed it", TextOf("Training"), StringComparison.Ordinal);
    }
}
