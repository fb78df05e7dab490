using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Compliance.Tests.Fixtures;

namespace Compliance.Tests.Integration.Import;

public sealed class SupplierImportTests
{
    private const string Basic = """
        Vendor No.;Vendor Name;Country/Region;Address;LEI
        V-1;Saigon Textiles;Viet Nam;12 Le Loi, HCMC;
        V-2;Anatolia Cotton;Türkiye;;
        V-3;Yangon Garments;Burma;;
        """;

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public async Task Import_of_a_semicolon_csv_adds_every_valid_row()
    {
        await using var app = new ComplianceApp();
        var api = await ImportApi.SignUpAsync(app);
        var summary = await api.ImportAsync(Utf8(Basic));
        Assert.Equal("Completed", summary.GetProperty("status").GetString());
        Assert.Equal(3, summary.Count("totalRows"));
        Assert.Equal(3, summary.Count("addedRows"));
        Assert.Equal(3, summary.Count("importedRows"));
        Assert.Equal(0, summary.Count("rejectedRows"));
        var suppliers = await api.SuppliersAsync();
        var countries = suppliers.GetProperty("items").EnumerateArray().ToDictionary(s => s.GetProperty("externalReference").GetString()!, s => s.GetProperty("country").GetString());
        Assert.Equal("VN", countries["V-1"]);
        Assert.Equal("TR", countries["V-2"]);
        Assert.Equal("MM", countries["V-3"]);
    }
}
