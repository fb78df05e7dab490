using System.Net;
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
}
