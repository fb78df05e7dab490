using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Compliance.Tests.Fixtures;
using Compliance.Web.Infrastructure.Persistence;
using static Compliance.Tests.Integration.Audits.AuditApiTests;

namespace Compliance.Tests.Integration.Screening;

public sealed class SupplierRiskTests
{
    private static async Task<Guid> SupplierAsync(HttpClient client, string reference, string name, string country, params object[] products)
    {
        var response = await client.PostAsJsonAsync("/api/v1/suppliers", new { externalReference = reference, name, country, products });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    [Theory]
    [MemberData(nameof(ComplianceApp.Providers), MemberType = typeof(ComplianceApp))]
    public async Task A_supplier_of_listed_goods_gets_explained_hits_and_audit_findings_raise_its_score(DatabaseProvider provider)
    {
        await using var app = await ComplianceApp.StartAsync(provider);
        var org = await app.SignUpAsync("Alpha Apparel");
        using var admin = org.Admin();
        var cotton = await SupplierAsync(admin, "C-1", "Xinjiang Cotton Spinning Co., Ltd.", "CN", new { name = "Cotton yarn", hsCode = "5205" });
        var australia = await SupplierAsync(admin, "C-2", "Riverina Cotton Pty Ltd", "AU", new { name = "Raw cotton", hsCode = "5201" });

        var risk = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/suppliers/{cotton}/risk");
        var hit = risk.GetProperty("hits").EnumerateArray().First(h => h.GetProperty("good").GetString() == "Cotton" && h.GetProperty("list").GetString()!.Contains("TVPRA", StringComparison.Ordinal));
        Assert.True(hit.GetProperty("childLabor").GetBoolean());
        Assert.True(hit.GetProperty("forcedLabor").GetBoolean());
        Assert.Equal("2022", hit.GetProperty("edition").GetString());
        Assert.StartsWith("products[0]", hit.GetProperty("matchedOn").GetString(), StringComparison.Ordinal);
        Assert.Equal("Open", hit.GetProperty("status").GetString());
        Assert.True(risk.GetProperty("score").GetDouble() > 0);
        Assert.Contains(risk.GetProperty("parts").EnumerateArray(), p => p.GetProperty("kind").GetString() == "forced-labor");

        // Cotton from Australia is on no list; what an audit found there still counts.
        var clean = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/suppliers/{australia}/risk");
        Assert.DoesNotContain(clean.GetProperty("hits").EnumerateArray(), h => h.GetProperty("good").GetString() == "Cotton");
        var before = clean.GetProperty("score").GetDouble();
        var auditId = (await PostAsync(admin, "/api/v1/audits", AuditBody(australia))).GetProperty("id").GetGuid();
        await PostAsync(admin, $"/api/v1/audits/{auditId}/findings", new { iloIndicator = "RestrictionOfMovement", severity = "ZeroTolerance", description = "Dormitory locked at night" });
        var after = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/suppliers/{australia}/risk");
        Assert.True(after.GetProperty("score").GetDouble() > before);
        Assert.Contains(after.GetProperty("parts").EnumerateArray(), p => p.GetProperty("kind").GetString() == "open-zerotolerance-findings");

        var b = await app.SignUpAsync("Beta Beverages");
        using var clientB = b.Admin();
        Assert.Equal(HttpStatusCode.NotFound, (await clientB.GetAsync($"/api/v1/suppliers/{cotton}/risk")).StatusCode);
    }

    [Fact]
    public async Task A_supplier_without_products_is_undetermined_not_low()
    {
        await using var app = new ComplianceApp();
        var org = await app.SignUpAsync("Alpha Apparel");
        using var admin = org.Admin();
        var unknown = await SupplierAsync(admin, "U-1", "Generic Trading Ltd", "GB");
        var risk = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/suppliers/{unknown}/risk");
        Assert.NotEqual("Low", risk.GetProperty("level").GetString());
        Assert.NotEmpty(risk.GetProperty("gaps").EnumerateArray());
    }
}
