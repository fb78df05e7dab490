using System.Net;
using System.Net.Http.Json;
using System.Text;
using Compliance.Tests.Fixtures;
using Compliance.Web.Infrastructure.Persistence;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using ExcelDataReader;
using static Compliance.Tests.Integration.Audits.AuditApiTests;

namespace Compliance.Tests.Integration.Exports;

public sealed class EvidenceWorkbookTests
{
    static EvidenceWorkbookTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Sheet name → rows of cell values, in order.</summary>
    internal static Dictionary<string, List<object?[]>> Read(byte[] xlsx)
    {
        using var reader = ExcelReaderFactory.CreateReader(new MemoryStream(xlsx));
        var sheets = new Dictionary<string, List<object?[]>>();
        do
        {
            var rows = sheets[reader.Name] = [];
            while (reader.Read()) rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetValue)]);
        } while (reader.NextResult());
        return sheets;
    }

    [Theory]
    [MemberData(nameof(ComplianceApp.Providers), MemberType = typeof(ComplianceApp))]
    public async Task The_workbook_holds_every_sheet_reads_back_and_is_valid(DatabaseProvider provider)
    {
        await using var app = await ComplianceApp.StartAsync(provider);
        var org = await app.SignUpAsync("Alpha Apparel");
        var supplier = await org.CreateSupplierAsync("A-1", "=HYPERLINK(\"http://evil.test\",\"click\")");
        using var admin = org.Admin();
        var auditId = (await PostAsync(admin, "/api/v1/audits", AuditBody(supplier))).GetProperty("id").GetGuid();
        var findingId = (await PostAsync(admin, $"/api/v1/audits/{auditId}/findings", new { farActivity = "RecruitmentFees", severity = "Major", description = "-Workers paid fees to agents" })).GetProperty("id").GetGuid();
        await PostAsync(admin, $"/api/v1/findings/{findingId}/actions", new { description = "Reimburse fees", owner = "CFO" });

        using var auditor = await org.ClientAsync("Auditor");
        var response = await auditor.GetAsync("/api/v1/exports/evidence.xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        using (var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false))
            Assert.Empty(new OpenXmlValidator().Validate(document));

        var book = Read(bytes);
        Assert.Equal(["README", "Suppliers", "Products", "Audits", "Findings", "Corrective actions", "Evidence files", "Grievances", "Attestations", "Disclosures", "Screening hits", "Risk lists", "Audit trail"], book.Keys);
        Assert.Equal("Alpha Apparel", book["README"][1][1]);
        var suppliers = book["Suppliers"];
        Assert.Equal("=HYPERLINK(\"http://evil.test\",\"click\")", suppliers[1][1]); // text, shown as typed, never a formula
        Assert.Equal(1.0, suppliers[1][3]); // tier is a number
        Assert.IsType<DateTime>(suppliers[1][9]);
        Assert.Equal("-Workers paid fees to agents", book["Findings"][1][6]);
        Assert.Equal("RecruitmentFees", book["Findings"][1][4]);
        Assert.Equal("Reimburse fees", book["Corrective actions"][1][3]);
        Assert.True(book["Audit trail"].Count > 5);
    }

    [Theory]
    [MemberData(nameof(ComplianceApp.Providers), MemberType = typeof(ComplianceApp))]
    public async Task A_supplier_created_by_an_upload_traces_to_its_file_and_row(DatabaseProvider provider)
    {
        await using var app = await ComplianceApp.StartAsync(provider);
        var api = await Import.ImportApi.SignUpAsync(app);
        await api.ImportAsync(System.Text.Encoding.UTF8.GetBytes("Vendor No.,Vendor Name,Country\nV-1,Saigon Textiles,VN\nV-2,Anatolia Cotton,TR\n"), "vendors-2026.csv");
        await api.Client.PostAsJsonAsync("/api/v1/suppliers", new { externalReference = "V-3", name = "Dhaka Knitwear", country = "BD" });

        var suppliers = Read(await api.Client.GetByteArrayAsync(new Uri("/api/v1/exports/evidence.xlsx", UriKind.Relative)))["Suppliers"];

        Assert.Equal(["Imported from (file)", "File row"], suppliers[0].Skip(11).Take(2));
        var byReference = suppliers.Skip(1).ToDictionary(r => (string)r[0]!);
        Assert.Equal(["vendors-2026.csv", 3.0], byReference["V-2"].Skip(11).Take(2));
        Assert.All(byReference["V-3"].Skip(11), Assert.Null); // added by hand
    }

    [Fact]
    public async Task Grievances_show_their_content_only_in_a_handlers_export_and_issued_disclosures_carry_their_pdf_hash()
    {
        await using var app = new ComplianceApp();
        var org = await app.SignUpAsync("Alpha Apparel");
        await Grievances.GrievanceTests.ReportAsync(org, "=cmd|' /C calc'!A0 my wages are held back", "WagesWithheld");
        using var admin = org.Admin();
        var draft = await admin.PostAsJsonAsync("/api/v1/disclosures", new { kind = "california-tisc", periodStart = "2026-01-01", periodEnd = "2026-12-31" });
        var disclosureId = (await draft.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
        var issued = await (await admin.PostAsync($"/api/v1/disclosures/{disclosureId}/issue", null)).Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();

        using var auditor = await org.ClientAsync("Auditor");
        var book = Read(await auditor.GetByteArrayAsync("/api/v1/exports/evidence.xlsx"));
        var grievance = Assert.Single(book["Grievances"].Skip(1));
        Assert.Equal("Wages withheld or unpaid", grievance[2]);
        Assert.Equal("WithholdingOfWages", grievance[3]);
        Assert.Equal(15, book["Grievances"][0].Length); // no content column
        Assert.DoesNotContain(book["Grievances"].SelectMany(r => r), v => v is string text && text.Contains("wages are held back", StringComparison.Ordinal));
        var disclosure = Assert.Single(book["Disclosures"].Skip(1));
        Assert.Equal(issued.GetProperty("pdfSha256").GetString(), disclosure[7]);

        using var handler = await org.ClientAsync("GrievanceHandler");
        var handlers = Read(await handler.GetByteArrayAsync("/api/v1/exports/evidence.xlsx"));
        Assert.Equal("=cmd|' /C calc'!A0 my wages are held back", Assert.Single(handlers["Grievances"].Skip(1))[15]); // text, never a formula
    }

    [Fact]
    public async Task The_period_and_the_supplier_subset_filter_and_another_organization_is_never_in_it()
    {
        await using var app = new ComplianceApp();
        var a = await app.SignUpAsync("Alpha Apparel");
        var b = await app.SignUpAsync("Beta Beverages");
        var one = await a.CreateSupplierAsync("A-1", "Alpha Knitting Mill");
        var two = await a.CreateSupplierAsync("A-2", "Alpha Dye House", "VN");
        await b.CreateSupplierAsync("B-1", "Beta Bottling");
        using var clientA = a.Admin();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await PostAsync(clientA, "/api/v1/audits", AuditBody(one, today.AddDays(-200)));
        await PostAsync(clientA, "/api/v1/audits", AuditBody(two, today.AddDays(-5)));

        var recent = Read(await clientA.GetByteArrayAsync($"/api/v1/exports/evidence.xlsx?from={today.AddDays(-30):yyyy-MM-dd}"));
        Assert.Equal(2, recent["Audits"].Count); // header and the one recent audit
        Assert.Equal("A-2", recent["Audits"][1][1]);

        var subset = Read(await clientA.GetByteArrayAsync($"/api/v1/exports/evidence.xlsx?supplierId={one}"));
        Assert.Equal(["A-1"], subset["Suppliers"].Skip(1).Select(r => r[0]));
        var vietnam = Read(await clientA.GetByteArrayAsync("/api/v1/exports/evidence.xlsx?country=vn"));
        Assert.Equal(["A-2"], vietnam["Suppliers"].Skip(1).Select(r => r[0]));

        using var clientB = b.Admin();
        var ofB = Read(await clientB.GetByteArrayAsync("/api/v1/exports/evidence.xlsx"));
        Assert.Equal(["B-1"], ofB["Suppliers"].Skip(1).Select(r => r[0]));
        Assert.Single(ofB["Audits"]); // the header only
        Assert.DoesNotContain(ofB["Audit trail"], r => r.Any(v => v?.ToString()?.Contains("Alpha", StringComparison.Ordinal) == true));
        // B naming A's supplier gets nothing of it.
        var probe = Read(await clientB.GetByteArrayAsync($"/api/v1/exports/evidence.xlsx?supplierId={one}"));
        Assert.Single(probe["Suppliers"]); // the header only

        Assert.Equal(HttpStatusCode.BadRequest, (await clientA.GetAsync("/api/v1/exports/evidence.xlsx?from=2026-05-01&to=2026-04-01")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await clientA.GetAsync("/api/v1/exports/evidence.xlsx?country=Narnia")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Client().GetAsync("/api/v1/exports/evidence.xlsx")).StatusCode);
    }
}
