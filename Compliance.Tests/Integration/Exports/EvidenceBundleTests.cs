using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Compliance.Tests.Fixtures;

namespace Compliance.Tests.Integration.Exports;

public sealed class EvidenceBundleTests
{
    private static async Task UploadAsync(HttpClient client, string ownerType, Guid ownerId, byte[] bytes, string name)
    {
        var form = new MultipartFormDataContent { { new StringContent(ownerType), "ownerType" }, { new StringContent(ownerId.ToString()), "ownerId" } };
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", name);
        (await client.PostAsync("/api/v1/evidence", form)).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task The_bundle_holds_the_workbook_every_file_and_a_manifest_whose_hashes_match()
    {
        await using var app = new ComplianceApp();
        var a = await app.SignUpAsync("Alpha Apparel");
        var b = await app.SignUpAsync("Beta Beverages");
        var supplier = await a.CreateSupplierAsync("A-1");
        var supplierOfB = await b.CreateSupplierAsync("B-1");
        using var clientA = a.Admin();
        using var clientB = b.Admin();
        var report = Encoding.ASCII.GetBytes("%PDF-1.7\nSMETA report\n%%EOF\n");
        var photo = Encoding.UTF8.GetBytes("Interview notes: dormitory checked, 12 workers.\n");
        await UploadAsync(clientA, "Supplier", supplier, report, "SMETA report.pdf");
        await UploadAsync(clientA, "Supplier", supplier, photo, "../../notes.txt");
        await UploadAsync(clientB, "Supplier", supplierOfB, Encoding.UTF8.GetBytes("Beta's own file"), "beta.txt");

        using var auditor = await a.ClientAsync("Auditor");
        var response = await auditor.GetAsync("/api/v1/exports/evidence-bundle.zip");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        Assert.Contains(zip.Entries, e => e.FullName == "evidence.xlsx");
        var manifest = JsonDocument.Parse(zip.GetEntry("manifest.json")!.Open()).RootElement.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(2, manifest.Count);
        foreach (var entry in manifest)
        {
            var path = entry.GetProperty("path").GetString()!;
            Assert.StartsWith("files/Supplier/", path, StringComparison.Ordinal);
            Assert.DoesNotContain("..", path, StringComparison.Ordinal);
            using var content = zip.GetEntry(path)!.Open();
            Assert.Equal(entry.GetProperty("sha256").GetString(), Convert.ToHexStringLower(await SHA256.HashDataAsync(content)));
        }
        using var csv = new StreamReader(zip.GetEntry("manifest.csv")!.Open());
        Assert.StartsWith("path,sha256,bytes", (await csv.ReadLineAsync())!.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.DoesNotContain(zip.Entries, e => e.FullName.Contains("beta", StringComparison.Ordinal));
    }
}
