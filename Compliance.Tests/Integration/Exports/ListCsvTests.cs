using System.Net;
using Compliance.Tests.Integration.Audits;
using Compliance.Tests.Fixtures;

namespace Compliance.Tests.Integration.Exports;

public sealed class ListCsvTests
{
    [Fact]
    public async Task The_supplier_list_downloads_as_CSV_with_its_filters_neutralised_and_only_own_rows()
    {
        await using var app = new ComplianceApp();
        var a = await app.SignUpAsync("Alpha Apparel");
        var b = await app.SignUpAsync("Beta Beverages");
        await a.CreateSupplierAsync("A-1", "=cmd|' /C calc'!A0", "CN");
        await a.CreateSupplierAsync("A-2", "Alpha Dye House", "VN");
        await b.CreateSupplierAsync("B-1", "Beta Bottling", "CN");

        using var browser = await a.SignedInClientAsync();
        var response = await browser.GetAsync("/Suppliers?handler=Csv&country=CN");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length); // header and A-1: the country filter applies, B's supplier never appears
        Assert.StartsWith("Reference,Name,Country", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("A-1,'=cmd|' /C calc'!A0,CN", lines[1], StringComparison.Ordinal);

        var exportsPage = await browser.GetStringAsync("/Exports");
        Assert.Contains("/api/v1/exports/evidence-bundle.zip", exportsPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_audit_list_and_the_corrective_action_queue_download_as_CSV_with_only_own_rows()
    {
        await using var app = new ComplianceApp();
        var a = await app.SignUpAsync("Alpha Apparel");
        var b = await app.SignUpAsync("Beta Beverages");
        var supplier = await a.CreateSupplierAsync("A-1", "Alpha Knitting Mill", "VN");
        var other = await b.CreateSupplierAsync("B-1", "Beta Bottling", "CN");
        using var adminA = a.Admin();
        using var adminB = b.Admin();
        var audit = await AuditApiTests.PostAsync(adminA, "/api/v1/audits", AuditApiTests.AuditBody(supplier));
        var finding = await AuditApiTests.PostAsync(adminA, $"/api/v1/audits/{audit.GetProperty("id").GetGuid()}/findings", new
        {
            iloIndicator = "RetentionOfIdentityDocuments", severity = "ZeroTolerance", description = "Passports kept in the HR office safe.",
        });
        var action = await AuditApiTests.PostAsync(adminA, $"/api/v1/findings/{finding.GetProperty("id").GetGuid()}/actions", new { description = "=HYPERLINK(\"x\") return passports", owner = "HR manager" });
        await AuditApiTests.PostAsync(adminB, "/api/v1/audits", AuditApiTests.AuditBody(other));

        using var browser = await a.SignedInClientAsync();
        var audits = await CsvLinesAsync(browser, "/Audits?handler=Csv");
        Assert.Equal(2, audits.Length); // header and A's audit; B's never appears
        Assert.StartsWith("Audit id,End date,Supplier id,Supplier,Scheme", audits[0], StringComparison.Ordinal);
        Assert.Contains("Alpha Knitting Mill,SMETA,Initial,unannounced,true,Elevate Limited,1,1,1", audits[1], StringComparison.Ordinal);

        var actions = await CsvLinesAsync(browser, "/Audits/Actions?handler=Csv");
        Assert.Equal(2, actions.Length);
        Assert.StartsWith(action.GetProperty("id").GetString() + ",", actions[1], StringComparison.Ordinal);
        Assert.Contains(",false,open,\"'=HYPERLINK(\"\"x\"\") return passports\",HR manager,0,Zero tolerance,", actions[1], StringComparison.Ordinal);
        Assert.EndsWith(",Alpha Knitting Mill", actions[1], StringComparison.Ordinal);
        Assert.Single(await CsvLinesAsync(browser, "/Audits/Actions?handler=Csv&overdue=true")); // nothing is overdue yet: header only
    }

    private static async Task<string[]> CsvLinesAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
    }
}
