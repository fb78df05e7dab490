using System.Net.Http.Json;
using System.Text.Json;
using Compliance.Tests.Fixtures;
using Compliance.Web.Infrastructure.Persistence;

namespace Compliance.Tests.Integration.Import;

/// <summary>Each file in samples/suppliers/ imports as its .expected.md says.</summary>
public sealed class ImportSampleTests
{
    private static string Sample(string name) => Samples.PathOf("suppliers", name);

    private static async Task<(ImportApi Api, JsonElement Summary)> ImportSampleAsync(ComplianceApp app, string name, string? sheet = null)
    {
        var api = await ImportApi.SignUpAsync(app);
        return (api, await api.ImportAsync(await File.ReadAllBytesAsync(Sample(name)), name, sheet: sheet));
    }

    private static (int, int, int, int) Counts(JsonElement s) =>
        (s.Count("addedRows"), s.Count("updatedRows"), s.Count("unchangedRows"), s.Count("rejectedRows"));

    [Theory]
    [MemberData(nameof(ComplianceApp.Providers), MemberType = typeof(ComplianceApp))]
    public async Task Erp_export_saved_by_excel_imports_every_row_and_again_unchanged(DatabaseProvider provider)
    {
        await using var app = await ComplianceApp.StartAsync(provider);
        var (api, summary) = await ImportSampleAsync(app, "erp-vendors-excel.csv");
        Assert.Equal(("utf-8", ";"), (summary.GetProperty("encoding").GetString(), summary.GetProperty("delimiter").GetString()));
        Assert.Equal((13, 0, 0, 0), Counts(summary));
        var again = await api.ImportAsync(await File.ReadAllBytesAsync(Sample("erp-vendors-excel.csv")));
        Assert.Equal((0, 0, 13, 0), Counts(again));
        var suppliers = (await api.SuppliersAsync()).GetProperty("items").EnumerateArray()
            .ToDictionary(s => s.GetProperty("externalReference").GetString()!, s => s.GetProperty("country").GetString());
        Assert.Equal(("HK", "TW", "KR", "MM", "CI", "CN"), (suppliers["100800"], suppliers["100900"], suppliers["101000"], suppliers["101100"], suppliers["101200"], suppliers["100700"]));
    }

    [Theory]
    [MemberData(nameof(ComplianceApp.Providers), MemberType = typeof(ComplianceApp))]
    public async Task Windows_1252_export_imports_with_its_accents(DatabaseProvider provider)
    {
        await using var app = await ComplianceApp.StartAsync(provider);
        var (api, summary) = await ImportSampleAsync(app, "oracle-suppliers-windows1252.csv");
        Assert.Equal("windows-1252", summary.GetProperty("encoding").GetString());
        Assert.Equal((6, 0, 0, 0), Counts(summary));
        var names = (await api.SuppliersAsync()).GetProperty("items").EnumerateArray().Select(s => s.GetProperty("name").GetString()).ToList();
        Assert.Contains("Hilaturas Españolas S.A.", names);
        Assert.Contains("Coopérative Agricole de Soubré", names);
    }

    [Theory]
    [MemberData(nameof(ComplianceApp.Providers), MemberType = typeof(ComplianceApp))]
    public async Task Workbook_imports_suppliers_with_the_products_of_its_second_sheet(DatabaseProvider provider)
    {
        await using var app = await ComplianceApp.StartAsync(provider);
        var (api, summary) = await ImportSampleAsync(app, "suppliers-with-products.xlsx");
        Assert.Equal((6, 0, 0, 0), Counts(summary));
        var item = (await api.SuppliersAsync()).GetProperty("items").EnumerateArray().Single(s => s.GetProperty("externalReference").GetString() == "2004");
        Assert.Equal(2, item.GetProperty("productCount").GetInt32());
    }

    [Theory]
    [MemberData(nameof(ComplianceApp.Providers), MemberType = typeof(ComplianceApp))]
    public async Task File_with_deliberate_errors_rejects_exactly_the_bad_rows(DatabaseProvider provider)
    {
        await using var app = await ComplianceApp.StartAsync(provider);
        var (_, summary) = await ImportSampleAsync(app, "supplier-list-with-errors.csv");
        Assert.Equal((3, 0, 0, 7), Counts(summary));
        Assert.Equal(
            ["3 Supplier Name missing_name", "4 Country unknown_country", "5 Supplier Name spreadsheet_error", "6 Supplier ID duplicate_external_reference",
             "7 Parent Supplier ID parent_not_found", "8 LEI invalid_lei", "10 Products invalid_hs_code"],
            summary.GetProperty("errors").EnumerateArray().Select(e => $"{e.GetProperty("row").GetInt32()} {e.GetProperty("column").GetString()} {e.GetProperty("code").GetString()}"));
    }
}
