using System.Net;
using System.Text.Json;
using Compliance.Tests.Fixtures;
using Compliance.Web.Infrastructure.Seeding;

namespace Compliance.Tests.Integration;

public sealed class HealthTests
{
    [Fact]
    public async Task Health_answers_200_when_the_database_answers()
    {
        await using var app = new ComplianceApp();
        var response = await app.CreateClient().GetAsync(new Uri("/health", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_API_and_its_bearer_scheme_without_signing_in()
    {
        await using var app = new ComplianceApp();
        var document = JsonDocument.Parse(await app.CreateClient().GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative))).RootElement;
        Assert.Equal("Compliance API", document.GetProperty("info").GetProperty("title").GetString());
        Assert.True(document.GetProperty("paths").TryGetProperty("/api/v1/suppliers/{id}", out _));
        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer").GetProperty("scheme").GetString());
    }
}

public sealed class DemoDataTests
{
    [Fact]
    public async Task An_empty_database_gets_the_demo_organization_and_its_login_works()
    {
        await using var app = new ComplianceApp(extra: new Dictionary<string, string?> { ["Compliance:SeedDemo"] = "true" });
        using var browser = await TestOrganization.SignInAsync(app, DemoData.AdminEmail, DemoData.Password);
        var suppliers = JsonDocument.Parse(await browser.GetStringAsync("/api/v1/suppliers?pageSize=1")).RootElement;
        Assert.Equal(DemoData.SupplierCount, suppliers.GetProperty("totalCount").GetInt32());
        var overview = JsonDocument.Parse(await browser.GetStringAsync("/api/v1/overview")).RootElement;
        Assert.True(overview.GetProperty("countries").GetInt32() >= 20, "the demo spans many countries");
        Assert.True(overview.GetProperty("products").GetInt32() >= DemoData.SupplierCount, "every demo supplier sells something");

        var grievances = JsonDocument.Parse(await browser.GetStringAsync("/api/v1/grievances")).RootElement;
        Assert.Equal(3, grievances.GetProperty("figures").GetProperty("total").GetInt32()); // the register has cases to show

        using var auditor = await TestOrganization.SignInAsync(app, DemoData.AuditorEmail, DemoData.Password);
        Assert.Equal(HttpStatusCode.Redirect, (await auditor.GetAsync("/Suppliers/Edit")).StatusCode); // read-only role
    }

    [Fact]
    public async Task Seeding_is_off_when_the_setting_says_so()
    {
        await using var app = new ComplianceApp(); // the fixture sets Compliance:SeedDemo=false
        var login = await TestOrganization.PostLoginAsync(app.Client(), DemoData.AdminEmail, DemoData.Password);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode); // the form again: no such account
    }
}
