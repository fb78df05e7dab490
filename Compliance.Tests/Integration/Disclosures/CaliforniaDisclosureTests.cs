using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Compliance.Tests.Fixtures;
using Compliance.Tests.Integration.Audits;
using Compliance.Web.Infrastructure.Persistence;
using UglyToad.PdfPig;

namespace Compliance.Tests.Integration.Disclosures;

public sealed class CaliforniaDisclosureTests
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);
    private static readonly DateOnly Start = Today.AddDays(-30);

    private static async Task<Guid> DraftAsync(HttpClient client, DateOnly? start = null)
    {
        var response = await client.PostAsJsonAsync("/api/v1/disclosures", new { kind = "california-tisc", periodStart = start ?? Start, periodEnd = Today });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static JsonElement Statement(JsonElement disclosure, string element) =>
        disclosure.GetProperty("statements").EnumerateArray().Single(s => s.GetProperty("element").GetString() == element);

    private static string Figure(JsonElement statement, string label) =>
        statement.GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("label").GetString() == label).GetProperty("value").GetString()!;

    [Theory]
    [MemberData(nameof(ComplianceApp.Providers), MemberType = typeof(ComplianceApp))]
    public async Task A_draft_states_the_five_elements_from_the_records_and_issuing_freezes_and_publishes_it(DatabaseProvider provider)
    {
        await using var app = await ComplianceApp.StartAsync(provider);
        var org = await app.SignUpAsync("Alpha Apparel");
        using var admin = org.Admin();
        var audited = await org.CreateSupplierAsync("V-1", "深圳市华强电子有限公司");
        await org.CreateSupplierAsync("V-2", "Công ty TNHH May mặc Việt Tiến", "VN");
        await org.CreateSupplierAsync("V-3", "Öztürk Tekstil Sanayi A.Ş.", "TR");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/audits", AuditApiTests.AuditBody(audited, Today.AddDays(-3)))).StatusCode);
        var announced = AuditApiTests.AuditBody(audited, Today.AddDays(-60)); // before the period: not counted
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/audits", announced)).StatusCode);

        var id = await DraftAsync(admin);
        var draft = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/disclosures/{id}");
        Assert.Equal("Draft", draft.GetProperty("status").GetString());
        Assert.Equal(["Verification", "Audits", "Certification", "InternalAccountability", "Training"],
            draft.GetProperty("statements").EnumerateArray().Select(s => s.GetProperty("element").GetString()));
        var audits = Statement(draft, "Audits");
        Assert.Equal("1", Figure(audits, "Audits of direct suppliers"));
        Assert.Equal("1 of 3 (33%)", Figure(audits, "Direct suppliers audited"));
        Assert.Equal("1 of 1 (100%)", Figure(audits, "Independent and unannounced"));
        Assert.Contains("All of these audits were independent and unannounced.", audits.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(3, draft.GetProperty("figures").GetProperty("directSuppliers").GetInt32());
        Assert.Equal(3, draft.GetProperty("suppliers").GetArrayLength());
        Assert.False(draft.GetProperty("applicability").GetProperty("covered").GetBoolean()); // a new organization's profile says not covered

        // The officer rewords one element; its figures stay those of the records.
        var reworded = await admin.PutAsJsonAsync($"/api/v1/disclosures/{id}/statements/training", new { text = "We train our sourcing team every spring." });
        Assert.Equal(HttpStatusCode.OK, reworded.StatusCode);
        var training = Statement(await reworded.Content.ReadFromJsonAsync<JsonElement>(), "Training");
        Assert.True(training.GetProperty("edited").GetBoolean());
        Assert.Equal("We train our sourcing team every spring.", training.GetProperty("text").GetString());

        var preview = await admin.GetAsync($"/api/v1/disclosures/{id}/pdf");
        Assert.Equal("application/pdf", preview.Content.Headers.ContentType?.MediaType);

        var issued = await admin.PostAsync($"/api/v1/disclosures/{id}/issue", null);
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        var sha = (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("pdfSha256").GetString();
        var pdf = await admin.GetByteArrayAsync($"/api/v1/disclosures/{id}/pdf");
        Assert.Equal(sha, Convert.ToHexStringLower(SHA256.HashData(pdf)));
        if (Environment.GetEnvironmentVariable("COMPLIANCE_SCREENSHOTS") is { Length: > 0 } folder)
            await File.WriteAllBytesAsync(Path.Combine(Directory.CreateDirectory(folder).FullName, $"california-disclosure-{provider}.pdf"), pdf);
        using (var document = PdfDocument.Open(pdf))
        {
            var text = string.Join("\n", document.GetPages().Select(p => p.Text));
            foreach (var heading in new[] { "1. Verification", "2. Audits", "3. Certification", "4. Internal accountability", "5. Training", "Who the Act covers",
                         "Cal. Civ. Code 1714.43(c)(2)", "深圳市华强电子有限公司", "Việt Tiến", "Öztürk Tekstil Sanayi A.Ş.", "We train our sourcing team every spring." })
                Assert.Contains(heading.Replace(" ", "", StringComparison.Ordinal), text.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
            Assert.Equal("Alpha Apparel", document.Information.Author);
        }

        // Issued is frozen: new records do not move it, and it cannot be reworded or issued again.
        await org.CreateSupplierAsync("V-4", "Later Supplier Ltd.");
        var frozen = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/disclosures/{id}");
        Assert.Equal(3, frozen.GetProperty("figures").GetProperty("directSuppliers").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PutAsJsonAsync($"/api/v1/disclosures/{id}/statements/training", new { text = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync($"/api/v1/disclosures/{id}/issue", null)).StatusCode);

        // The public page shows it, with its PDF.
        using var anonymous = app.Client(handleCookies: false);
        var page = await anonymous.GetStringAsync($"/disclosures/{org.Slug}/california");
        Assert.Contains("California Transparency in Supply Chains Act", page, StringComparison.Ordinal);
        Assert.Contains("We train our sourcing team every spring.", page, StringComparison.Ordinal);
        Assert.Equal(pdf, await anonymous.GetByteArrayAsync($"/disclosures/{org.Slug}/california/pdf"));

        // A newer issued disclosure supersedes it, and the public page follows.
        var next = await DraftAsync(admin, Start.AddDays(1));
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/disclosures/{next}/issue", null)).StatusCode);
        var old = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/disclosures/{id}");
        Assert.Equal("Superseded", old.GetProperty("status").GetString());
        Assert.Equal(next, old.GetProperty("supersededById").GetGuid());
        Assert.DoesNotContain("We train our sourcing team every spring.", await anonymous.GetStringAsync($"/disclosures/{org.Slug}/california"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_requests_name_the_field_and_other_organizations_get_404()
    {
        await using var app = new ComplianceApp();
        var alpha = await app.SignUpAsync("Alpha Apparel");
        var beta = await app.SignUpAsync("Beta Foods");
        using var admin = alpha.Admin();
        var bad = await admin.PostAsJsonAsync("/api/v1/disclosures", new { kind = "uk-msa", periodStart = Today, periodEnd = Today.AddDays(-1) });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var body = await bad.Content.ReadAsStringAsync();
        Assert.Contains("\"kind\"", body, StringComparison.Ordinal);
        Assert.Contains("before_start", body, StringComparison.Ordinal);
        var id = await DraftAsync(admin);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsJsonAsync($"/api/v1/disclosures/{id}/statements/bribery", new { text = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsJsonAsync($"/api/v1/disclosures/{id}/statements/audits", new { text = new string('x', 6001) })).StatusCode);

        using var other = beta.Admin();
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/disclosures/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/disclosures/{id}/pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/api/v1/disclosures/{id}/issue", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PutAsJsonAsync($"/api/v1/disclosures/{id}/statements/audits", new { text = "x" })).StatusCode);
        Assert.Empty((await other.GetFromJsonAsync<JsonElement>("/api/v1/disclosures")).EnumerateArray());
        using var auditor = await alpha.ClientAsync("Auditor");
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostAsync($"/api/v1/disclosures/{id}/issue", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync($"/api/v1/disclosures/{id}")).StatusCode);

        using var anonymous = app.Client(handleCookies: false);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/disclosures/{alpha.Slug}/california")).StatusCode); // nothing issued yet
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/disclosures/no-such-org/california")).StatusCode);
    }
}
