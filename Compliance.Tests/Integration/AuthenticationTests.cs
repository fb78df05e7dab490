using System.Net;
using System.Net.Http.Json;
using Compliance.Tests.Fixtures;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Compliance.Tests.Integration;

public sealed class AuthenticationTests
{
    [Fact]
    public async Task No_credentials_is_401_for_the_API_and_a_login_redirect_for_pages()
    {
        await using var app = new ComplianceApp();
        using var anonymous = app.Client();
        var api = await anonymous.GetAsync("/api/v1/suppliers");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        var page = await anonymous.GetAsync("/Suppliers");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/Account/Login", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_or_malformed_token_is_401()
    {
        await using var app = new ComplianceApp();
        using var unknown = app.ClientWithToken("cmp_" + new string('x', 43));
        Assert.Equal(HttpStatusCode.Unauthorized, (await unknown.GetAsync("/api/v1/suppliers")).StatusCode);
        using var malformed = app.ClientWithToken("not-a-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await malformed.GetAsync("/api/v1/suppliers")).StatusCode);
    }

    [Fact]
    public async Task An_Auditor_token_reads_but_cannot_create_a_supplier()
    {
        await using var app = new ComplianceApp();
        var org = await app.SignUpAsync("Alpha Apparel");
        using var auditor = await org.ClientAsync("Auditor");
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync("/api/v1/suppliers")).StatusCode);
        var create = await auditor.PostAsJsonAsync("/api/v1/suppliers", new { externalReference = "A-1", name = "Alpha Mill", country = "CN" });
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostAsJsonAsync("/api/v1/tokens", new { name = "escalate", role = "Admin" })).StatusCode);
        using var admin = org.Admin();
        Assert.Equal(0, (await admin.GetFromJsonAsync<SupplierPage>("/api/v1/suppliers"))!.TotalCount);
    }

    [Fact]
    public async Task A_revoked_token_is_401_from_then_on()
    {
        await using var app = new ComplianceApp();
        var org = await app.SignUpAsync("Alpha Apparel");
        using var admin = org.Admin();
        var created = await (await admin.PostAsJsonAsync("/api/v1/tokens", new { name = "ERP sync", role = "ComplianceOfficer" }))
            .Content.ReadFromJsonAsync<CreatedToken>();
        using var officer = app.ClientWithToken(created!.Token);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync("/api/v1/suppliers")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/tokens/{created.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await officer.GetAsync("/api/v1/suppliers")).StatusCode);
        var listed = await admin.GetFromJsonAsync<List<TokenSummary>>("/api/v1/tokens");
        var summary = Assert.Single(listed!, t => t.Id == created.Id);
        Assert.NotNull(summary.RevokedAt);
        Assert.NotNull(summary.LastUsedAt);
    }

    /// <summary>
    /// Two instances on one database: the one that revokes rejects the token at once; the other, which keeps found
    /// tokens for Authentication:ApiTokenCacheSeconds (15), rejects it once that time has passed, and looks it up again.
    /// </summary>
    [Fact]
    public async Task A_token_revoked_on_another_instance_stops_working_there_when_its_cache_entry_expires()
    {
        var database = await (await PostgresServer.InstanceAsync()).CreateDatabaseAsync();
        await using var first = new ComplianceApp(DatabaseProvider.Postgres, database);
        var clock = new ShiftedClock();
        await using var second = new ComplianceApp(DatabaseProvider.Postgres, database) { TestServices = s => s.AddSingleton<TimeProvider>(clock) };
        var org = await first.SignUpAsync("Alpha Apparel");
        using var admin = org.Admin();
        var created = await (await admin.PostAsJsonAsync("/api/v1/tokens", new { name = "ERP sync", role = "ComplianceOfficer" }))
            .Content.ReadFromJsonAsync<CreatedToken>();
        using var onFirst = first.ClientWithToken(created!.Token);
        using var onSecond = second.ClientWithToken(created.Token);
        Assert.Equal(HttpStatusCode.OK, (await onFirst.GetAsync("/api/v1/suppliers")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await onSecond.GetAsync("/api/v1/suppliers")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/tokens/{created.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await onFirst.GetAsync("/api/v1/suppliers")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await onSecond.GetAsync("/api/v1/suppliers")).StatusCode);
        clock.Offset = TimeSpan.FromSeconds(16);
        Assert.Equal(HttpStatusCode.Unauthorized, (await onSecond.GetAsync("/api/v1/suppliers")).StatusCode);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        await using var app = new ComplianceApp();
        var org = await app.SignUpAsync("Alpha Apparel");
        using var browser = app.Client();
        for (var i = 0; i < 5; i++)
        {
            var wrong = await TestOrganization.PostLoginAsync(browser, org.AdminEmail, "not the password at all");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }
        var right = await TestOrganization.PostLoginAsync(browser, org.AdminEmail, TestOrganization.Password);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode); // the form again, not a redirect into the app
        Assert.Contains("locked", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_user_in_two_organizations_switches_between_them()
    {
        await using var app = new ComplianceApp();
        var a = await app.SignUpAsync("Alpha Apparel");
        var b = await app.SignUpAsync("Beta Beverages");
        await a.CreateSupplierAsync("A-1", "Alpha Knitting Mill");
        await b.CreateSupplierAsync("B-1", "Beta Bottling");
        await MembershipsFixture.AddMembershipAsync(app, b.Id, a.AdminEmail, Compliance.Domain.Tenancy.Role.Auditor);

        using var browser = await TestOrganization.SignInAsync(app, a.AdminEmail, TestOrganization.Password);
        var list = await browser.GetStringAsync("/Suppliers");
        Assert.Contains("Alpha Knitting Mill", list, StringComparison.Ordinal);
        Assert.Contains("Beta Beverages", list, StringComparison.Ordinal); // offered in the switcher

        var token = await TestOrganization.AntiforgeryTokenAsync(browser, "/Suppliers");
        var switched = await browser.PostAsync("/Account/SwitchOrganization", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["organizationId"] = b.Id.ToString(), ["returnUrl"] = "/Suppliers", ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        list = await browser.GetStringAsync("/Suppliers");
        Assert.Contains("Beta Bottling", list, StringComparison.Ordinal);
        Assert.DoesNotContain("Alpha Knitting Mill", list, StringComparison.Ordinal);
        // In B the user is an Auditor: no edit page.
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/Suppliers/Edit")).StatusCode);

        // Switching to an organization the user does not belong to is refused.
        var c = await app.SignUpAsync("Gamma Goods");
        token = await TestOrganization.AntiforgeryTokenAsync(browser, "/Suppliers");
        var refused = await browser.PostAsync("/Account/SwitchOrganization", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["organizationId"] = c.Id.ToString(), ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
    }

    private sealed record SupplierPage(int TotalCount);

    private sealed record CreatedToken(Guid Id, string Token);

    private sealed record TokenSummary(Guid Id, DateTime? LastUsedAt, DateTime? RevokedAt);
}
