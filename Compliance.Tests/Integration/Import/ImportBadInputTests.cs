using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Compliance.Tests.Fixtures;

namespace Compliance.Tests.Integration.Import;

/// <summary>Files that cannot be imported: a clear problem naming the rule, nothing stored, and the server keeps serving.</summary>
public sealed class ImportBadInputTests
{
    public static TheoryData<string, string> BadFiles => new()
    {
        { "empty", "empty_file" },
        { "binary", "not_a_text_file" },
        { "zip-bomb", "xlsx_expansion_too_large" },
        { "million-columns", "malformed_csv" },
        { "too-large", "file_too_large" },
        { "unterminated-quote", "unterminated_quote" },
        { "legacy-xls", "unsupported_format" },
        { "damaged-xlsx", "malformed_xlsx" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_bad_file_is_refused_with_a_problem_and_nothing_is_imported(string kind, string code)
    {
        await using var app = new ComplianceApp(extra: new Dictionary<string, string?> { ["Imports:MaxFileBytes"] = "3000000" });
        var api = await ImportApi.SignUpAsync(app);
        var (bytes, name) = Make(kind);

        var response = await api.UploadAsync(bytes, name);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var violation = problem.GetProperty("violations")[0];
        Assert.Equal(("file", code), (violation.GetProperty("field").GetString(), violation.GetProperty("code").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(violation.GetProperty("message").GetString()));
        Assert.Empty((await api.SuppliersAsync()).GetProperty("items").EnumerateArray());
        Assert.Empty(Directory.Exists(Path.Combine(app.DataPath, "imports")) ? Directory.EnumerateFiles(Path.Combine(app.DataPath, "imports"), "*", SearchOption.AllDirectories) : []);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync(new Uri("/health", UriKind.Relative))).StatusCode);
        // The preview refuses it the same way.
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PreviewAsync(bytes, name)).StatusCode);
    }

    [Fact]
    public async Task An_unterminated_quote_names_the_row_where_it_opens()
    {
        await using var app = new ComplianceApp();
        var api = await ImportApi.SignUpAsync(app);
        var problem = await (await api.UploadAsync(Make("unterminated-quote").Bytes)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("Row 3", problem.GetProperty("violations")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_without_a_file_is_a_problem_naming_the_field()
    {
        await using var app = new ComplianceApp();
        var api = await ImportApi.SignUpAsync(app);
        using var form = new MultipartFormDataContent { { new StringContent("x"), "mapping" } };
        var response = await api.Client.PostAsync(new Uri("/api/v1/suppliers/imports", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("file", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("violations")[0].GetProperty("field").GetString());
    }

    private static (byte[] Bytes, string Name) Make(string kind) => kind switch
    {
        "empty" => ([], "suppliers.csv"),
        "binary" => ([.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 7919 % 256))], "suppliers.csv"),
        "zip-bomb" => (ZipBomb(), "suppliers.xlsx"),
        "million-columns" => (Encoding.ASCII.GetBytes("ref,name,country\n" + new string(',', 1_000_000) + "\n"), "suppliers.csv"),
        "too-large" => (Encoding.ASCII.GetBytes("ref,name,country\n" + string.Concat(Enumerable.Repeat("R-000001,A supplier name,CN\n", 120_000))), "suppliers.csv"),
        "unterminated-quote" => (Encoding.ASCII.GetBytes("ref,name,country\nA-1,Fine,CN\nA-2,\"Never closed,CN\nA-3,Also fine,CN\n"), "suppliers.csv"),
        "legacy-xls" => ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]], "suppliers.xls"),
        "damaged-xlsx" => ([0x50, 0x4B, 0x03, 0x04, .. new byte[200]], "suppliers.xlsx"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>A valid-looking workbook whose sheet inflates from tens of kilobytes to 64 MB.</summary>
    private static byte[] ZipBomb()
    {
        var workbook = new XlsxBuilder().Sheet("Suppliers", ["ref", "name", "country"]).Build();
        using var buffer = new MemoryStream();
        buffer.Write(workbook);
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Update, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("xl/padding.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1 << 20];
            for (var i = 0; i < 64; i++) entry.Write(zeros);
        }
        return buffer.ToArray();
    }
}
