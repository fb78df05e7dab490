using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Compliance.Tests.Fixtures;
using Compliance.Web.Infrastructure.Persistence;

namespace Compliance.Tests.Integration.Audits;

public sealed class AuditResultsImportTests
{
    private static string SamplePath => Samples.PathOf("audits", "audit-results.csv");

    private static MultipartFormDataContent Upload(byte[] bytes, string name = "audit-results.csv")
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return new MultipartFormDataContent { { file, "file", name } };
    }

    [Theory]
    [MemberData(nameof(ComplianceApp.Providers), MemberType = typeof(ComplianceApp))]
    public async Task The_sample_imports_as_its_README_says_and_again_adds_nothing(DatabaseProvider provider)
    {
        await using var app = await ComplianceApp.StartAsync(provider);
        var org = await app.SignUpAsync("Alpha Apparel");
        await org.CreateSupplierAsync("V-100001", "Shenzhen Huaqiang Electronics Co., Ltd.");
        await org.CreateSupplierAsync("V-100002", "Öztürk Tekstil Sanayi A.Ş.", "TR");
        using var admin = org.Admin();
        var bytes = await File.ReadAllBytesAsync(SamplePath);

        var first = await PostAsync(admin, Upload(bytes));
        Assert.Equal((6, 3, 0, 3), (first.GetProperty("totalRows").GetInt32(), first.GetProperty("importedRows").GetInt32(), first.GetProperty("unchangedRows").GetInt32(), first.GetProperty("rejectedRows").GetInt32()));
        Assert.Equal((2, 3, 2), (first.GetProperty("auditsCreated").GetInt32(), first.GetProperty("findingsCreated").GetInt32(), first.GetProperty("actionsCreated").GetInt32()));
        var errors = first.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString(), e.GetProperty("code").GetString())).ToList();
        Assert.Equal([(5, "Supplier reference", "supplier_not_found"), (6, "Announcement", "unknown_value"), (7, "Start date", "date_format")], errors);

        var audits = await admin.GetFromJsonAsync<JsonElement>("/api/v1/audits");
        Assert.Equal(2, audits.GetProperty("totalCount").GetInt32());
        var smeta = audits.GetProperty("items").EnumerateArray().Single(a => a.GetProperty("scheme").GetString() == "Smeta");
        var detail = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/audits/{smeta.GetProperty("id").GetGuid()}");
        Assert.Equal("Unannounced", detail.GetProperty("announcement").GetString());
        Assert.True(detail.GetProperty("isIndependent").GetBoolean()); // a firm is named and the scheme is not internal
        var zeroTolerance = detail.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("severity").GetString() == "ZeroTolerance");
        Assert.Equal("WithheldIdentityDocuments", zeroTolerance.GetProperty("farActivity").GetString());
        Assert.Equal("2026-11-13", zeroTolerance.GetProperty("actions")[0].GetProperty("dueDate").GetString()); // 30 days after 2026-10-14

        var again = await PostAsync(admin, Upload(bytes));
        Assert.Equal((0, 3, 3), (again.GetProperty("importedRows").GetInt32(), again.GetProperty("unchangedRows").GetInt32(), again.GetProperty("rejectedRows").GetInt32()));
        Assert.Equal(2, (await admin.GetFromJsonAsync<JsonElement>("/api/v1/audits")).GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task Files_that_cannot_be_read_are_refused_whole()
    {
        await using var app = new ComplianceApp();
        var org = await app.SignUpAsync("Alpha Apparel");
        using var admin = org.Admin();

        async Task<string> RefusedAsync(byte[] bytes, string name = "results.csv")
        {
            var response = await admin.PostAsync("/api/v1/audits/imports", Upload(bytes, name));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return await response.Content.ReadAsStringAsync();
        }

        Assert.Contains("empty_file", await RefusedAsync([]), StringComparison.Ordinal);
        Assert.Contains("missing_columns", await RefusedAsync(Encoding.UTF8.GetBytes("Supplier reference;Scheme;Severity\nV-1;SMETA;Major\n")), StringComparison.Ordinal);
        Assert.Contains("no_header", await RefusedAsync(Encoding.UTF8.GetBytes("a,b,c\n1,2,3\n")), StringComparison.Ordinal);
        Assert.Contains("file", await RefusedAsync([0x00, 0x01, 0x02, 0x03, 0xFF, 0xFE, 0x00, 0x00, 0x10]), StringComparison.Ordinal);
        Assert.Contains("unterminated", (await RefusedAsync(Encoding.UTF8.GetBytes("Supplier reference,Scheme,Announcement,End date,Severity,Finding\nV-1,SMETA,Announced,2026-01-01,Major,\"never closed\n"))).ToLowerInvariant(), StringComparison.Ordinal);
        Assert.Equal(0, (await admin.GetFromJsonAsync<JsonElement>("/api/v1/audits")).GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task Another_organizations_suppliers_are_not_found_and_readers_cannot_import()
    {
        await using var app = new ComplianceApp();
        var a = await app.SignUpAsync("Alpha Apparel");
        var b = await app.SignUpAsync("Beta Beverages");
        await a.CreateSupplierAsync("V-100001");
        await a.CreateSupplierAsync("V-100002");
        var bytes = await File.ReadAllBytesAsync(SamplePath);

        using var clientB = b.Admin();
        var summary = await PostAsync(clientB, Upload(bytes));
        Assert.Equal(0, summary.GetProperty("importedRows").GetInt32());
        Assert.Equal(6, summary.GetProperty("rejectedRows").GetInt32());
        using var clientA = a.Admin();
        Assert.Equal(0, (await clientA.GetFromJsonAsync<JsonElement>("/api/v1/audits")).GetProperty("totalCount").GetInt32());

        using var auditor = await a.ClientAsync("Auditor");
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostAsync("/api/v1/audits/imports", Upload(bytes))).StatusCode);
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, HttpContent content)
    {
        var response = await client.PostAsync("/api/v1/audits/imports", content);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement;
    }
}
