using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Compliance.Tests.Fixtures;
using Compliance.Web.Infrastructure.Persistence;
using Compliance.Web.Infrastructure.Screening;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using static Compliance.Tests.Integration.Screening.ScreeningApi;

namespace Compliance.Tests.Integration.Screening;

public sealed class RiskListApiTests
{
    private const string Blocklist = "name,aliases,country,source\nGlobex Shadow Manufacturing Co,Globex Shadow,CN,internal audit 2026\n";

    [Theory]
    [MemberData(nameof(ComplianceApp.Providers), MemberType = typeof(ComplianceApp))]
    public async Task Bundled_editions_are_stored_once_each_and_the_2022_edition_is_current(DatabaseProvider provider)
    {
        await using var app = await ComplianceApp.StartAsync(provider);
        var org = await app.SignUpAsync("Alpha Apparel");
        using var admin = org.Admin();

        var lists = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/risk-lists")).EnumerateArray().ToList();
        var dol = lists.Where(l => l.GetProperty("kind").GetString() == "dol-goods").ToList();
        Assert.Equal(["2022", "2020", "2018", "2016", "2014"], dol.Select(l => l.GetProperty("edition").GetString()));
        Assert.Equal("2022", dol.Single(l => l.GetProperty("current").GetBoolean()).GetProperty("edition").GetString());
        // Four editions come from one history file: same SHA-256, different editions, each stored.
        Assert.Single(dol.Where(l => l.GetProperty("edition").GetString() != "2022").Select(l => l.GetProperty("sha256").GetString()).Distinct());
        var eo = lists.Single(l => l.GetProperty("kind").GetString() == "eo13126");
        Assert.True(eo.GetProperty("isPartial").GetBoolean());
        Assert.All(lists, l => Assert.Equal("platform", l.GetProperty("scope").GetString()));

        // Loading again (a restart) adds nothing.
        Assert.Equal(0, await BundledRiskListSeeding.SeedAsync(app.Services));
        Assert.Equal(lists.Count, (await admin.GetFromJsonAsync<JsonElement>("/api/v1/risk-lists")).GetArrayLength());
    }

    [Fact]
    public async Task The_diff_from_2020_to_2022_shows_cotton_from_Uzbekistan_removed()
    {
        await using var app = new ComplianceApp();
        var org = await app.SignUpAsync("Alpha Apparel");
        using var admin = org.Admin();
        var lists = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/risk-lists")).EnumerateArray().ToList();
        Guid Dol(string edition) => lists.Single(l => l.GetProperty("kind").GetString() == "dol-goods" && l.GetProperty("edition").GetString() == edition).GetProperty("id").GetGuid();

        var diff = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/risk-lists/{Dol("2020")}/diff/{Dol("2022")}");

        Assert.Contains(diff.GetProperty("removed").EnumerateArray(), e => e.GetProperty("good").GetString() == "Cotton" && e.GetProperty("country").GetString() == "UZ");
        Assert.NotEmpty(diff.GetProperty("added").EnumerateArray());
        Assert.Equal("2022", diff.GetProperty("to").GetProperty("edition").GetString());
        var eo = lists.Single(l => l.GetProperty("kind").GetString() == "eo13126").GetProperty("id").GetGuid();
        var entity = lists.Single(l => l.GetProperty("kind").GetString() == "entity").GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync($"/api/v1/risk-lists/{eo}/diff/{entity}")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(ComplianceApp.Providers), MemberType = typeof(ComplianceApp))]
    public async Task An_organizations_own_entity_list_screens_only_its_own_suppliers_and_is_hidden_from_others(DatabaseProvider provider)
    {
        await using var app = await ComplianceApp.StartAsync(provider);
        var a = await app.SignUpAsync("Alpha Apparel");
        var b = await app.SignUpAsync("Beta Beverages");
        using var clientA = a.Admin();
        using var clientB = b.Admin();
        var supplierA = await SupplierAsync(clientA, "A-1", "Globex Shadow Manufacturing Co., Ltd.", "CN");
        var supplierB = await SupplierAsync(clientB, "B-1", "Globex Shadow Manufacturing Co., Ltd.", "CN");

        var response = await UploadListAsync(clientA, Blocklist);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var listId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await WaitForIdleAsync(clientA);
        await RunAsync(clientB);

        var riskA = await clientA.GetFromJsonAsync<JsonElement>($"/api/v1/suppliers/{supplierA}/risk");
        var hit = Assert.Single(riskA.GetProperty("hits").EnumerateArray(), h => h.GetProperty("list").GetString() == "Internal blocklist");
        Assert.Equal("Globex Shadow Manufacturing Co", hit.GetProperty("entityName").GetString());
        Assert.NotNull(hit.GetProperty("id").GetString()); // recorded by the run the import queued
        Assert.Contains(await HitsAsync(clientA), h => h.GetProperty("list").GetString() == "Internal blocklist");

        var riskB = await clientB.GetFromJsonAsync<JsonElement>($"/api/v1/suppliers/{supplierB}/risk");
        Assert.DoesNotContain(riskB.GetProperty("hits").EnumerateArray(), h => h.GetProperty("list").GetString() == "Internal blocklist");
        Assert.DoesNotContain(await HitsAsync(clientB), h => h.GetProperty("list").GetString() == "Internal blocklist");
        Assert.DoesNotContain((await clientB.GetFromJsonAsync<JsonElement>("/api/v1/risk-lists")).EnumerateArray(), l => l.GetProperty("id").GetGuid() == listId);
        Assert.Equal(HttpStatusCode.NotFound, (await clientB.GetAsync($"/api/v1/risk-lists/{listId}/diff/{listId}")).StatusCode);
        Assert.Equal("organization", (await clientA.GetFromJsonAsync<JsonElement>("/api/v1/risk-lists")).EnumerateArray()
            .Single(l => l.GetProperty("id").GetGuid() == listId).GetProperty("scope").GetString());
    }

    [Theory]
    [MemberData(nameof(ComplianceApp.Providers), MemberType = typeof(ComplianceApp))]
    public async Task Bad_list_files_answer_problem_details_naming_row_column_and_rule_and_store_nothing(DatabaseProvider provider)
    {
        await using var app = await ComplianceApp.StartAsync(provider);
        var org = await app.SignUpAsync("Alpha Apparel");
        using var admin = org.Admin();
        var before = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/risk-lists")).GetArrayLength();

        var badCountry = await UploadListAsync(admin, "name,aliases,country\nAcme Widgets,,CN\nBogus Holdings,,Narnia\n");
        Assert.Equal(HttpStatusCode.BadRequest, badCountry.StatusCode);
        var problem = await badCountry.Content.ReadFromJsonAsync<JsonElement>();
        var row = problem.GetProperty("rows")[0];
        Assert.Equal(3, row.GetProperty("row").GetInt32());
        Assert.Equal("country", row.GetProperty("column").GetString());
        Assert.Equal("unknown-country", row.GetProperty("code").GetString());
        Assert.Contains("Row 3", problem.GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);

        var noName = await UploadListAsync(admin, "company,country\nAcme,CN\n");
        Assert.Equal(HttpStatusCode.BadRequest, noName.StatusCode);
        Assert.Equal("missing-column", (await noName.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rows")[0].GetProperty("code").GetString());

        var badKind = await UploadListAsync(admin, Blocklist, kind: "sanctions");
        Assert.Equal(HttpStatusCode.BadRequest, badKind.StatusCode);
        Assert.Equal("kind", (await badKind.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("violations")[0].GetProperty("field").GetString());

        var noEdition = await UploadListAsync(admin, Blocklist, edition: " ");
        Assert.Equal(HttpStatusCode.BadRequest, noEdition.StatusCode);

        // Platform lists are not an organization's to change.
        var platform = await UploadListAsync(admin, "good,country,child_labor,forced_labor,forced_child_labor\nCotton,China,true,true,false\n", kind: "dol-goods", name: "DOL TVPRA List of Goods", edition: "2026");
        Assert.Equal(HttpStatusCode.Forbidden, platform.StatusCode);
        Assert.Equal("platform_list", (await platform.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("violations")[0].GetProperty("code").GetString());

        using var notMultipart = await admin.PostAsJsonAsync("/api/v1/risk-lists", new { kind = "entity" });
        Assert.Equal(HttpStatusCode.BadRequest, notMultipart.StatusCode);

        using var officer = await org.ClientAsync("ComplianceOfficer");
        Assert.Equal(HttpStatusCode.Forbidden, (await UploadListAsync(officer, Blocklist)).StatusCode);

        Assert.Equal(before, (await admin.GetFromJsonAsync<JsonElement>("/api/v1/risk-lists")).GetArrayLength());
    }

    [Fact]
    public async Task The_same_file_again_is_the_stored_edition_and_another_file_under_the_same_edition_conflicts()
    {
        await using var app = new ComplianceApp();
        var org = await app.SignUpAsync("Alpha Apparel");
        using var admin = org.Admin();
        var first = await UploadListAsync(admin, Blocklist);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var again = await UploadListAsync(admin, Blocklist);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal((await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(), (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        var other = await UploadListAsync(admin, Blocklist + "Initech Sweatshop Ltd,,VN,tip-off\n");
        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await UploadListAsync(admin, Blocklist + "Initech Sweatshop Ltd,,VN,tip-off\n", edition: "2")).StatusCode);
    }

    [Fact]
    public async Task A_configured_platform_operator_imports_a_dol_edition_that_every_organization_sees()
    {
        await using var app = new ComplianceApp();
        var ops = await app.SignUpAsync("Platform Ops", "ops@platform.test");
        var other = await app.SignUpAsync("Beta Beverages");
        app.Services.GetRequiredService<IConfiguration>()["Screening:PlatformOperators"] = $"someone@platform.test, {ops.Id}";
        using var opsClient = ops.Admin();
        using var otherClient = other.Admin();
        var response = await UploadListAsync(opsClient, "good,country,child_labor,forced_labor,forced_child_labor\nCotton,China,true,true,false\nBricks,Pakistan,true,true,true\n",
            kind: "dol-goods", name: "DOL TVPRA List of Goods", edition: "2026");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var lists = (await otherClient.GetFromJsonAsync<JsonElement>("/api/v1/risk-lists")).EnumerateArray().ToList();
        var edition = lists.Single(l => l.GetProperty("edition").GetString() == "2026");
        Assert.Equal("platform", edition.GetProperty("scope").GetString());
        Assert.True(edition.GetProperty("current").GetBoolean());
    }
}
