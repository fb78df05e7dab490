using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Compliance.Tests.Fixtures;
using Compliance.Web.Infrastructure.Persistence;

namespace Compliance.Tests.Integration;

/// <summary>Bad input on supplier create: a ProblemDetails naming the field and rule, and nothing written.</summary>
public sealed class SupplierValidationTests
{
    public static TheoryData<string, object, string, string> BadSuppliers => new()
    {
        { "missing name", new { externalReference = "A-1", country = "CN" }, "name", "required" },
        { "unknown country", new { externalReference = "A-1", name = "Alpha Mill", country = "XX" }, "country", "unknown_country" },
        { "a 1 MB name", new { externalReference = "A-1", name = new string('n', 1_000_000), country = "CN" }, "name", "too_long" },
        { "bad LEI", new { externalReference = "A-1", name = "Alpha Mill", country = "CN", identifiers = new { lei = "5493001KJTIIGC8Y1R13" } }, "identifiers.lei", "invalid_lei" },
        { "product without name", new { externalReference = "A-1", name = "Alpha Mill", country = "CN", products = new[] { new { name = "", hsCode = "52" } } }, "products[0].name", "required" },
        { "tier zero", new { externalReference = "A-1", name = "Alpha Mill", country = "CN", tier = 0 }, "tier", "out_of_range" },
    };

    [Theory]
    [MemberData(nameof(BadSuppliers))]
    public async Task Invalid_supplier_is_a_400_naming_the_field_and_nothing_is_written(string situation, object body, string field, string code)
    {
        await using var app = new ComplianceApp();
        var org = await app.SignUpAsync("Alpha Apparel");
        using var admin = org.Admin();
        var auditBefore = await CountAsync(admin, "/api/v1/audit-events");

        var response = await admin.PostAsJsonAsync("/api/v1/suppliers", body);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, situation);
        await AssertProblemAsync(response, field, code);
        Assert.Equal(0, await CountAsync(admin, "/api/v1/suppliers"));
        Assert.Equal(auditBefore, await CountAsync(admin, "/api/v1/audit-events"));
    }

    [Theory]
    [MemberData(nameof(ComplianceApp.Providers), MemberType = typeof(ComplianceApp))]
    public async Task A_duplicate_external_reference_is_a_409_and_the_first_supplier_is_kept(DatabaseProvider provider)
    {
        await using var app = await ComplianceApp.StartAsync(provider);
        var org = await app.SignUpAsync("Alpha Apparel");
        await org.CreateSupplierAsync("A-1", "Alpha Knitting Mill");
        using var admin = org.Admin();

        var response = await admin.PostAsJsonAsync("/api/v1/suppliers", new { externalReference = " A-1 ", name = "Another Mill", country = "VN" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        await AssertProblemAsync(response, "externalReference", "duplicate_external_reference");
        var list = await admin.GetFromJsonAsync<JsonElement>("/api/v1/suppliers");
        Assert.Equal("Alpha Knitting Mill", Assert.Single(list.GetProperty("items").EnumerateArray()).GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("""{"externalReference": "A-1", "name": "Alpha Mill", "country": "CN" """, "malformed_json")]
    [InlineData("""{"externalReference": "A-1", "name": "Alpha Mill", "country": "CN", "tier": "first"}""", "malformed_json")]
    public async Task Malformed_JSON_is_a_400_naming_where_it_broke(string json, string code)
    {
        await using var app = new ComplianceApp();
        var org = await app.SignUpAsync("Alpha Apparel");
        using var admin = org.Admin();

        var response = await admin.PostAsync("/api/v1/suppliers", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var violation = Assert.Single(problem.GetProperty("violations").EnumerateArray());
        Assert.Equal(code, violation.GetProperty("code").GetString());
        if (json.Contains("first", StringComparison.Ordinal)) Assert.Equal("tier", violation.GetProperty("field").GetString());
        Assert.Equal(0, await CountAsync(admin, "/api/v1/suppliers"));
    }

    [Fact]
    public async Task The_edit_form_shows_the_rule_next_to_the_field()
    {
        await using var app = new ComplianceApp();
        var org = await app.SignUpAsync("Alpha Apparel");
        using var browser = await org.SignedInClientAsync();
        var token = await TestOrganization.AntiforgeryTokenAsync(browser, "/Suppliers/Edit");
        var response = await browser.PostAsync("/Suppliers/Edit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.ExternalReference"] = "A-1", ["Input.Name"] = "", ["Input.Country"] = "CN", ["Input.Tier"] = "1",
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("&#x27;name&#x27; is required.", html, StringComparison.Ordinal);
        Assert.Contains("data-valmsg-for=\"Input.Name\"", html, StringComparison.Ordinal);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, string field, string code)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"errors should name '{field}': {problem}");
        Assert.Contains(problem.GetProperty("violations").EnumerateArray(), v => v.GetProperty("field").GetString() == field && v.GetProperty("code").GetString() == code);
    }

    private static async Task<int> CountAsync(HttpClient client, string url) =>
        (await client.GetFromJsonAsync<JsonElement>(url)).GetProperty("totalCount").GetInt32();
}
