using System.Net;
using System.Text.Json;
using Compliance.Tests.Fixtures;
using Compliance.Web.Infrastructure.Persistence;
using static Compliance.Tests.Integration.OData.ODataFixture;

namespace Compliance.Tests.Integration.OData;

/// <summary>
/// The OData query options through HTTP on both providers, with cases drawn from the OData v4 URL Conventions
/// (part 2, §5.1: system query options) that apply to these sets. Rows are collected across @odata.nextLink pages.
/// </summary>
public sealed class ODataQueryTests(ODataFixture fixture) : IClassFixture<ODataFixture>
{
    public static TheoryData<DatabaseProvider, string, string> SupplierFilters()
    {
        var cases = new (string Filter, string Expected)[]
        {
            // §5.1.1.1 logical operators
            ("Country eq 'CN'", "Alpha Knitting Mill|Gamma Toys Ltd"),
            ("Country ne 'CN'", "BETA Brands|Delta Tools|beta cotton co|Ärzte Textil GmbH"),
            ("Tier gt 1", "BETA Brands|Gamma Toys Ltd|beta cotton co|Ärzte Textil GmbH"),
            ("Tier ge 2 and Tier lt 3", "BETA Brands|Gamma Toys Ltd|Ärzte Textil GmbH"),
            ("Tier le 1 or Country eq 'IN'", "Alpha Knitting Mill|Delta Tools|beta cotton co"),
            ("not (Country eq 'CN')", "BETA Brands|Delta Tools|beta cotton co|Ärzte Textil GmbH"),
            ("Name gt 'C' and Name lt 'H'", "Delta Tools|Gamma Toys Ltd"),
            // §5.1.1.2 arithmetic operators
            ("Tier add 1 eq 3", "BETA Brands|Gamma Toys Ltd|Ärzte Textil GmbH"),
            ("Tier mul 2 sub 1 gt 4", "beta cotton co"),
            ("Tier mod 2 eq 1", "Alpha Knitting Mill|Delta Tools|beta cotton co"),
            ("Tier div 2 eq 1", "BETA Brands|Gamma Toys Ltd|beta cotton co|Ärzte Textil GmbH"),
            // Literal types are kept: 2.5 is a decimal, so Tier 2 is below it and Tier 3 above (not truncated to 2).
            ("Tier lt 2.5", "Alpha Knitting Mill|BETA Brands|Delta Tools|Gamma Toys Ltd|Ärzte Textil GmbH"),
            ("Tier gt 2.5", "beta cotton co"),
            ("Tier lt 2.1 and Tier gt 1.9", "BETA Brands|Gamma Toys Ltd|Ärzte Textil GmbH"),
            ("Tier eq 99999999999999999999", ""),
            // §5.1.1.4 string functions: case-sensitive on both providers, folded the same way by tolower/toupper.
            ("contains(Name,'Mill')", "Alpha Knitting Mill"),
            ("contains(Name,'beta')", "beta cotton co"),
            ("contains(tolower(Name),'beta')", "BETA Brands|beta cotton co"),
            ("startswith(Name,'beta')", "beta cotton co"),
            ("startswith(toupper(Name),'BETA')", "BETA Brands|beta cotton co"),
            ("endswith(Name,'Ltd')", "Gamma Toys Ltd"),
            ("endswith(Name,'LTD')", ""),
            ("endswith(Name,'a very long suffix that is longer than any name')", ""),
            ("tolower(Name) eq 'ärzte textil gmbh'", "Ärzte Textil GmbH"),
            ("toupper(Name) eq 'ÄRZTE TEXTIL GMBH'", "Ärzte Textil GmbH"),
            ("length(Name) eq 11", "BETA Brands|Delta Tools"),
            ("length(Name) eq 17", "Ärzte Textil GmbH"),
            ("indexof(Name,'Toys') eq 6", "Gamma Toys Ltd"),
            ("concat(Country,Name) eq 'CNGamma Toys Ltd'", "Gamma Toys Ltd"),
            ("trim(Name) eq Name and Tier eq 3", "beta cotton co"),
            // §5.1.1.1.12 in, null comparisons
            ("Country in ('VN','IN')", "BETA Brands|Delta Tools|beta cotton co"),
            ("Address eq null", "Delta Tools|Ärzte Textil GmbH"),
            ("Address ne null and Country eq 'CN'", "Alpha Knitting Mill|Gamma Toys Ltd"),
            ("ParentId eq null and Tier eq 3", "beta cotton co"),
            ("Parent eq null and Tier eq 3", "beta cotton co"),
            ("Parent ne null", ""),
            // Enumerations: as strings and as qualified literals
            ("Status eq 'Active' and Country eq 'DE'", "Ärzte Textil GmbH"),
            ("Status eq Compliance.SupplierStatus'Suspended'", ""),
            // §5.1.1.5 date functions, DateTimeOffset literals
            ("year(CreatedAt) ge 2025 and Country eq 'IN'", "beta cotton co"),
            ("CreatedAt gt 2020-01-01T00:00:00Z and Country eq 'IN'", "beta cotton co"),
            ("CreatedAt lt 2020-01-01T00:00:00Z", ""),
            // §5.1.1.10 lambda operators over navigations, and /$count on a collection
            ("Products/any(p: p/HsCode eq '5205')", "Alpha Knitting Mill|beta cotton co"),
            ("Products/any()", "Alpha Knitting Mill|beta cotton co|Ärzte Textil GmbH"),
            ("Products/all(p: startswith(p/HsCode,'52'))", "Alpha Knitting Mill|BETA Brands|Delta Tools|Gamma Toys Ltd|beta cotton co"),
            ("Products/$count ge 2", "beta cotton co"),
            ("Audits/any(a: a/IsIndependent)", "Alpha Knitting Mill"),
            ("Findings/any(f: f/Severity eq 'ZeroTolerance')", "Alpha Knitting Mill"),
        };
        var data = new TheoryData<DatabaseProvider, string, string>();
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.Postgres })
            foreach (var (filter, expected) in cases) data.Add(provider, filter, expected);
        return data;
    }

    [Theory]
    [MemberData(nameof(SupplierFilters))]
    public async Task Supplier_filter_selects_the_expected_rows(DatabaseProvider provider, string filter, string expected)
    {
        var s = await fixture.ForAsync(provider);
        var rows = await AllRowsAsync(s.AlphaReader, $"/odata/Suppliers?$filter={Uri.EscapeDataString(filter)}&$orderby=Name&$select=Name");
        Assert.Equal(expected, string.Join("|", rows.Select(r => r.GetProperty("Name").GetString())));
    }

    public static TheoryData<DatabaseProvider, string, int> OtherSetFilters()
    {
        var cases = new (string Url, int Expected)[]
        {
            ("Audits?$filter=Supplier/Country eq 'CN'", 2),
            ("Audits?$filter=Supplier/Name eq 'Gamma Toys Ltd'", 1),
            ("Audits?$filter=StartDate ge 2026-01-01", 1),
            ("Audits?$filter=year(EndDate) eq 2025", 1),
            ("Audits?$filter=month(EndDate) eq 3 and day(EndDate) eq 14", 1),
            ("Audits?$filter=Scheme eq 'AmforiBsci'", 1),
            ("Audits?$filter=WorkersInterviewed eq null", 1),
            ("Audits?$filter=WorkersInterviewed gt 30.5", 1),
            ("Audits?$filter=Findings/any(f: f/Severity eq 'ZeroTolerance')", 1),
            ("Findings?$filter=Audit/IsIndependent eq true", 2),
            ("Findings?$filter=Supplier/Name eq 'Alpha Knitting Mill' and Severity eq 'Minor'", 1),
            ("Findings?$filter=Actions/any()", 1),
            ("Findings?$filter=Audit ne null", 2),
            ("Findings?$filter=IloIndicator eq 'ExcessiveOvertime'", 1),
            ("CorrectiveActions?$filter=Finding/Severity eq 'ZeroTolerance'", 1),
            ("CorrectiveActions?$filter=DueDate eq 2026-04-13 and Status eq 'Open'", 1),
            ("CorrectiveActions?$filter=contains(tolower(Owner),'hr manager')", 1),
        };
        var data = new TheoryData<DatabaseProvider, string, int>();
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.Postgres })
            foreach (var (url, expected) in cases) data.Add(provider, url, expected);
        return data;
    }

    [Theory]
    [MemberData(nameof(OtherSetFilters))]
    public async Task Navigation_paths_dates_and_enums_filter_audits_findings_and_actions(DatabaseProvider provider, string url, int expected)
    {
        var s = await fixture.ForAsync(provider);
        Assert.Equal(expected, (await AllRowsAsync(s.AlphaReader, "/odata/" + url)).Count);
    }

    [Theory]
    [MemberData(nameof(ComplianceApp.Providers), MemberType = typeof(ComplianceApp))]
    public async Task Orderby_takes_several_keys_and_directions(DatabaseProvider provider)
    {
        var s = await fixture.ForAsync(provider);
        var rows = await AllRowsAsync(s.AlphaReader, "/odata/Suppliers?$orderby=Tier desc,Name&$select=Name,Tier");
        Assert.Equal("beta cotton co|BETA Brands|Gamma Toys Ltd|Ärzte Textil GmbH|Alpha Knitting Mill|Delta Tools",
            string.Join("|", rows.Select(r => r.GetProperty("Name").GetString())));
        var audits = await AllRowsAsync(s.AlphaReader, "/odata/Audits?$orderby=Supplier/Name desc&$expand=Supplier($select=Name)");
        Assert.Equal("Gamma Toys Ltd|Alpha Knitting Mill", string.Join("|", audits.Select(a => a.GetProperty("Supplier").GetProperty("Name").GetString())));
    }

    [Theory]
    [MemberData(nameof(ComplianceApp.Providers), MemberType = typeof(ComplianceApp))]
    public async Task Select_returns_only_the_chosen_properties_and_says_so_in_the_context(DatabaseProvider provider)
    {
        var s = await fixture.ForAsync(provider);
        var body = await GetJsonAsync(s.AlphaReader, "/odata/Suppliers?$select=Name,Country&$filter=Country eq 'DE'");
        Assert.EndsWith("/odata/$metadata#Suppliers(Name,Country)", body.GetProperty("@odata.context").GetString(), StringComparison.Ordinal);
        var row = Assert.Single(body.GetProperty("value").EnumerateArray());
        Assert.Equal(["Country", "Name"], row.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("Ärzte Textil GmbH", row.GetProperty("Name").GetString());
    }

    [Theory]
    [MemberData(nameof(ComplianceApp.Providers), MemberType = typeof(ComplianceApp))]
    public async Task Expand_brings_one_level_of_related_rows_with_their_own_options(DatabaseProvider provider)
    {
        var s = await fixture.ForAsync(provider);
        var supplier = Assert.Single((await GetJsonAsync(s.AlphaReader,
            "/odata/Suppliers?$filter=Name eq 'beta cotton co'&$expand=Products($select=Name,HsCode;$orderby=HsCode desc)")).GetProperty("value").EnumerateArray());
        Assert.Equal("5205|5201", string.Join("|", supplier.GetProperty("Products").EnumerateArray().Select(p => p.GetProperty("HsCode").GetString())));
        Assert.Equal(3, supplier.GetProperty("Tier").GetInt32());

        var audit = Assert.Single((await GetJsonAsync(s.AlphaReader,
            "/odata/Audits?$filter=Scheme eq 'Smeta'&$expand=Findings($filter=Severity eq 'Minor'),Supplier($select=Name,Country)")).GetProperty("value").EnumerateArray());
        Assert.Equal("Overtime above 60 hours in peak weeks.", Assert.Single(audit.GetProperty("Findings").EnumerateArray()).GetProperty("Description").GetString());
        Assert.Equal("Alpha Knitting Mill", audit.GetProperty("Supplier").GetProperty("Name").GetString());
        Assert.Equal("2026-03-14", audit.GetProperty("EndDate").GetString());
        Assert.Equal("Smeta", audit.GetProperty("Scheme").GetString());

        var finding = Assert.Single((await GetJsonAsync(s.AlphaReader, "/odata/Findings?$filter=Severity eq 'ZeroTolerance'&$expand=Actions,Audit($select=AuditFirm)")).GetProperty("value").EnumerateArray());
        Assert.Equal("Factory HR manager", Assert.Single(finding.GetProperty("Actions").EnumerateArray()).GetProperty("Owner").GetString());
        Assert.Equal("Elevate Limited", finding.GetProperty("Audit").GetProperty("AuditFirm").GetString());

        var tops = Assert.Single((await GetJsonAsync(s.AlphaReader, "/odata/Suppliers?$filter=Name eq 'Delta Tools'&$expand=Parent")).GetProperty("value").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, tops.GetProperty("Parent").ValueKind);
    }

    [Theory]
    [MemberData(nameof(ComplianceApp.Providers), MemberType = typeof(ComplianceApp))]
    public async Task Count_is_given_inline_and_as_a_path_segment(DatabaseProvider provider)
    {
        var s = await fixture.ForAsync(provider);
        var body = await GetJsonAsync(s.AlphaReader, "/odata/Suppliers?$count=true&$filter=Country eq 'CN'");
        Assert.Equal(2, body.GetProperty("@odata.count").GetInt32());
        var all = await GetJsonAsync(s.AlphaReader, "/odata/Suppliers?$count=true&$top=1");
        Assert.Equal(6, all.GetProperty("@odata.count").GetInt32());
        Assert.Single(all.GetProperty("value").EnumerateArray());
        Assert.False(all.TryGetProperty("@odata.nextLink", out _)); // $top=1 asked for one row only

        var response = await s.AlphaReader.GetAsync("/odata/Suppliers/$count?$filter=Tier eq 2");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("3", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(ComplianceApp.Providers), MemberType = typeof(ComplianceApp))]
    public async Task Pages_follow_the_server_page_size_with_next_links_that_cover_every_row_once(DatabaseProvider provider)
    {
        var s = await fixture.ForAsync(provider);
        var first = await GetJsonAsync(s.AlphaReader, "/odata/Suppliers?$orderby=Name&$select=Name");
        Assert.Equal(3, first.GetProperty("value").GetArrayLength());
        var next = new Uri(first.GetProperty("@odata.nextLink").GetString()!);
        Assert.Contains("$skip=3", Uri.UnescapeDataString(next.Query), StringComparison.Ordinal);
        Assert.Equal(6, (await AllRowsAsync(s.AlphaReader, "/odata/Suppliers?$orderby=Name&$select=Name")).Select(r => r.GetProperty("Name").GetString()).Distinct().Count());

        // $top larger than a page: the next link carries what is left of it.
        var topped = await GetJsonAsync(s.AlphaReader, "/odata/Suppliers?$orderby=Name&$top=4&$select=Name");
        var rest = Uri.UnescapeDataString(topped.GetProperty("@odata.nextLink").GetString()!);
        Assert.Contains("$top=1", rest, StringComparison.Ordinal);
        Assert.Equal(4, (await AllRowsAsync(s.AlphaReader, "/odata/Suppliers?$orderby=Name&$top=4")).Count);
        var skipped = await GetJsonAsync(s.AlphaReader, "/odata/Suppliers?$orderby=Name&$skip=5&$select=Name");
        Assert.Equal("Ärzte Textil GmbH", Assert.Single(skipped.GetProperty("value").EnumerateArray()).GetProperty("Name").GetString());
    }

    [Theory]
    [MemberData(nameof(ComplianceApp.Providers), MemberType = typeof(ComplianceApp))]
    public async Task A_single_entity_is_addressed_by_key(DatabaseProvider provider)
    {
        var s = await fixture.ForAsync(provider);
        var id = s.Suppliers["Alpha Knitting Mill"];
        var body = await GetJsonAsync(s.AlphaReader, $"/odata/Suppliers({id})?$expand=Products");
        Assert.EndsWith("$metadata#Suppliers(Products())/$entity", body.GetProperty("@odata.context").GetString(), StringComparison.Ordinal);
        Assert.Equal(id, body.GetProperty("Id").GetGuid());
        Assert.Equal("Alpha Knitting Mill", body.GetProperty("Name").GetString());
        Assert.Equal("Active", body.GetProperty("Status").GetString());
        Assert.Equal("5205", Assert.Single(body.GetProperty("Products").EnumerateArray()).GetProperty("HsCode").GetString());
        Assert.False(body.TryGetProperty("OrganizationId", out _));

        var missing = await GetJsonAsync(s.AlphaReader, $"/odata/Suppliers({Guid.NewGuid()})", HttpStatusCode.NotFound);
        Assert.Equal("NotFound", missing.GetProperty("error").GetProperty("code").GetString());
    }

    [Theory]
    [MemberData(nameof(ComplianceApp.Providers), MemberType = typeof(ComplianceApp))]
    public async Task Metadata_and_service_document_describe_the_sets_without_the_tenant_key(DatabaseProvider provider)
    {
        var s = await fixture.ForAsync(provider);
        var metadata = await s.AlphaReader.GetAsync("/odata/$metadata");
        Assert.Equal(HttpStatusCode.OK, metadata.StatusCode);
        Assert.Equal("application/xml", metadata.Content.Headers.ContentType?.MediaType);
        var csdl = await metadata.Content.ReadAsStringAsync();
        foreach (var set in new[] { "Suppliers", "Audits", "Findings", "CorrectiveActions" })
            Assert.Contains($"<EntitySet Name=\"{set}\"", csdl, StringComparison.Ordinal);
        Assert.Contains("<Property Name=\"CreatedAt\" Type=\"Edm.DateTimeOffset\" Nullable=\"false\"", csdl, StringComparison.Ordinal);
        Assert.Contains("<Property Name=\"StartDate\" Type=\"Edm.Date\" Nullable=\"false\"", csdl, StringComparison.Ordinal);
        Assert.Contains("<NavigationProperty Name=\"Products\" Type=\"Collection(Compliance.SupplierProduct)\" ContainsTarget=\"true\"", csdl, StringComparison.Ordinal);
        Assert.Contains("<EnumType Name=\"SupplierStatus\"", csdl, StringComparison.Ordinal);
        Assert.DoesNotContain("OrganizationId", csdl, StringComparison.Ordinal);

        var service = await GetJsonAsync(s.AlphaReader, "/odata/");
        Assert.Contains("Suppliers", service.GetProperty("value").EnumerateArray().Select(v => v.GetProperty("name").GetString()));
    }

    public static TheoryData<DatabaseProvider, string, HttpStatusCode> BadRequests()
    {
        var cases = new (string Url, HttpStatusCode Status)[]
        {
            ("Suppliers?$top=51", HttpStatusCode.BadRequest),
            ("Suppliers?$top=-1", HttpStatusCode.BadRequest),
            ("Suppliers?$top=abc", HttpStatusCode.BadRequest),
            ("Suppliers?$skip=-1", HttpStatusCode.BadRequest),
            ("Suppliers?$filter=Name eq", HttpStatusCode.BadRequest),
            ("Suppliers?$filter=Name", HttpStatusCode.BadRequest),
            ("Suppliers?$filter=Nope eq 1", HttpStatusCode.BadRequest),
            ("Suppliers?$filter=OrganizationId eq 00000000-0000-0000-0000-000000000000", HttpStatusCode.BadRequest),
            ("Suppliers?$select=OrganizationId", HttpStatusCode.BadRequest),
            ("Suppliers?$orderby=OrganizationId", HttpStatusCode.BadRequest),
            ("Suppliers?$filter=Status eq 'Bogus'", HttpStatusCode.BadRequest),
            ("Suppliers?$filter=contains(Name,1)", HttpStatusCode.BadRequest),
            ("Suppliers?$filter=year(Name) eq 1", HttpStatusCode.BadRequest),
            ("Suppliers?$filter=substring(Name,1) eq 'x'", HttpStatusCode.BadRequest),
            ("Suppliers?$filter=Parent/Parent/Name eq 'x'", HttpStatusCode.BadRequest),
            ("Suppliers?$search=cotton", HttpStatusCode.BadRequest),
            ("Suppliers?$apply=groupby((Country))", HttpStatusCode.BadRequest),
            ("Suppliers?$format=xml", HttpStatusCode.BadRequest),
            ("Suppliers?$expand=Nope", HttpStatusCode.BadRequest),
            ("Suppliers?$expand=Audits($expand=Findings)", HttpStatusCode.BadRequest),
            ("Suppliers?$expand=Products($levels=2)", HttpStatusCode.BadRequest),
            ("Suppliers?$filter=" + string.Join(" or ", Enumerable.Range(0, 120).Select(i => $"Tier eq {i}")), HttpStatusCode.BadRequest),
            ("Suppliers(not-a-guid)", HttpStatusCode.BadRequest),
            ("Suppliers(00000000-0000-0000-0000-000000000001)/Products", HttpStatusCode.BadRequest),
            ("Nope", HttpStatusCode.NotFound),
        };
        var data = new TheoryData<DatabaseProvider, string, HttpStatusCode>();
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.Postgres })
            foreach (var (url, status) in cases) data.Add(provider, url, status);
        return data;
    }

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Malformed_unsupported_or_over_the_limit_answers_an_OData_error_never_500(DatabaseProvider provider, string url, HttpStatusCode status)
    {
        var s = await fixture.ForAsync(provider);
        var response = await s.AlphaReader.GetAsync("/odata/" + url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{url}: {(int)response.StatusCode} {text}");
        var error = JsonDocument.Parse(text).RootElement.GetProperty("error");
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("code").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
    }

    [Theory]
    [MemberData(nameof(ComplianceApp.Providers), MemberType = typeof(ComplianceApp))]
    public async Task Division_by_zero_is_never_a_500(DatabaseProvider provider)
    {
        var s = await fixture.ForAsync(provider);
        var response = await s.AlphaReader.GetAsync("/odata/Suppliers?$filter=Tier div 0 eq 1");
        // SQLite yields NULL (no rows); PostgreSQL refuses the division, which is the query's fault.
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task Without_a_token_the_api_answers_401()
    {
        var s = await fixture.ForAsync(DatabaseProvider.Sqlite);
        using var anonymous = s.App.Client(handleCookies: false);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/odata/Suppliers")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/odata/$metadata")).StatusCode);
    }

    /// <summary>
    /// A URL asked a second time is compiled, and runs compiled from then on: the answers stay byte for byte the first,
    /// and the other organization asking the very same URL (compiled while the first asked) gets its own rows.
    /// </summary>
    [Theory]
    [MemberData(nameof(ComplianceApp.Providers), MemberType = typeof(ComplianceApp))]
    public async Task A_url_asked_again_answers_the_same_and_each_organization_its_own_rows(DatabaseProvider provider)
    {
        var s = await fixture.ForAsync(provider);
        string[] urls =
        [
            "/odata/Suppliers?$orderby=Name&$select=Name,Country&$top=50",
            "/odata/Suppliers?$filter=Country eq 'CN' and Tier le 2&$orderby=Name&$top=50&$skip=1",
            "/odata/Suppliers?$filter=Products/any(p: p/HsCode eq '5205')&$expand=Products($select=Name,HsCode;$orderby=HsCode desc)",
            "/odata/Audits?$expand=Findings($filter=Severity eq 'Minor'),Supplier($select=Name,Country)&$orderby=StartDate",
            "/odata/Findings?$filter=Audit/IsIndependent eq true&$expand=Actions",
            "/odata/Suppliers?$count=true&$filter=Tier ge 1&$orderby=Tier desc,Name",
        ];
        foreach (var url in urls)
        {
            List<string> alpha = [], beta = [];
            for (var i = 0; i < 3; i++)
            {
                alpha.Add(await s.AlphaReader.GetStringAsync(url));
                beta.Add(await s.BetaReader.GetStringAsync(url));
            }
            Assert.All(alpha, a => Assert.Equal(alpha[0], a));
            Assert.All(beta, b => Assert.Equal(beta[0], b));
        }
        var betaNames = (await AllRowsAsync(s.BetaReader, urls[0])).Select(r => r.GetProperty("Name").GetString());
        Assert.Equal(["Secret Bottling Partner"], betaNames);
        var alphaNames = (await AllRowsAsync(s.AlphaReader, urls[0])).Select(r => r.GetProperty("Name").GetString()).ToList();
        Assert.Equal(6, alphaNames.Count);
        Assert.DoesNotContain("Secret Bottling Partner", alphaNames);
    }

    /// <summary>Every row of a collection request, following @odata.nextLink (at most 20 pages).</summary>
    public static async Task<List<JsonElement>> AllRowsAsync(HttpClient client, string url)
    {
        var rows = new List<JsonElement>();
        for (var page = 0; page < 20 && url is not null; page++)
        {
            var body = await GetJsonAsync(client, url);
            rows.AddRange(body.GetProperty("value").EnumerateArray());
            url = body.TryGetProperty("@odata.nextLink", out var next) ? new Uri(next.GetString()!).PathAndQuery : null!;
        }
        return rows;
    }
}
