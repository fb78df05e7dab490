using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Compliance.Tests.Fixtures;
using Compliance.Web.Infrastructure.Blobs;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;
using static Compliance.Tests.Integration.Audits.AuditApiTests;

namespace Compliance.Tests.Integration.Audits;

public sealed class EvidenceTests
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n" + new string('x', 300_000) + "\n%%EOF\n");

    private static MultipartFormDataContent Form(string ownerType, Guid ownerId, byte[] bytes, string fileName, string claimedType = "image/png")
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(ownerType), "ownerType" },
            { new StringContent(ownerId.ToString()), "ownerId" },
        };
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(claimedType);
        form.Add(file, "file", fileName);
        return form;
    }

    [Theory]
    [MemberData(nameof(ComplianceApp.Providers), MemberType = typeof(ComplianceApp))]
    public async Task Evidence_is_stored_once_by_its_hash_typed_by_its_bytes_and_served_back_intact(DatabaseProvider provider)
    {
        await using var app = await ComplianceApp.StartAsync(provider);
        var org = await app.SignUpAsync("Alpha Apparel");
        var supplier = await org.CreateSupplierAsync("A-1");
        using var admin = org.Admin();
        var auditId = (await PostAsync(admin, "/api/v1/audits", AuditBody(supplier))).GetProperty("id").GetGuid();

        var first = await (await admin.PostAsync("/api/v1/evidence", Form("Audit", auditId, Pdf, "SMETA report.pdf"))).Content.ReadFromJsonAsync<JsonElement>();
        var second = await (await admin.PostAsync("/api/v1/evidence", Form("Supplier", supplier, Pdf, "copy.pdf"))).Content.ReadFromJsonAsync<JsonElement>();
        var sha = Convert.ToHexStringLower(SHA256.HashData(Pdf));
        Assert.Equal(sha, first.GetProperty("sha256").GetString());
        Assert.Equal(sha, second.GetProperty("sha256").GetString());
        Assert.Equal("application/pdf", first.GetProperty("contentType").GetString()); // not the claimed image/png
        var blobs = app.Services.GetRequiredService<IBlobStore>();
        var stored = new List<StoredBlob>();
        await foreach (var blob in blobs.ListAsync(org.Id.ToString(), CancellationToken.None)) stored.Add(blob);
        Assert.Equal(sha, Assert.Single(stored).Sha256); // the same content twice is stored once

        var download = await admin.GetAsync($"/api/v1/evidence/{first.GetProperty("id").GetGuid()}/content");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal($"sha-256=:{Convert.ToBase64String(SHA256.HashData(Pdf))}:", download.Headers.GetValues("Repr-Digest").Single());

        var listed = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/evidence?ownerType=Audit&ownerId={auditId}");
        Assert.Equal("SMETA report.pdf", Assert.Single(listed.EnumerateArray()).GetProperty("fileName").GetString());
    }

    [Fact]
    public async Task Refused_uploads_say_why_and_store_nothing()
    {
        await using var app = new ComplianceApp(extra: new Dictionary<string, string?> { ["Evidence:MaxBytes"] = "100000" });
        var org = await app.SignUpAsync("Alpha Apparel");
        var supplier = await org.CreateSupplierAsync("A-1");
        using var admin = org.Admin();

        async Task<string> RefusedAsync(HttpContent form, HttpStatusCode status)
        {
            var response = await admin.PostAsync("/api/v1/evidence", form);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == status, body);
            return body;
        }

        Assert.Contains("too_large", await RefusedAsync(Form("Supplier", supplier, Pdf, "big.pdf"), HttpStatusCode.RequestEntityTooLarge), StringComparison.Ordinal);
        Assert.Contains("file_type_refused", await RefusedAsync(Form("Supplier", supplier, [0x4D, 0x5A, 0x90, 0, 3, 0, 0, 0], "report.pdf"), HttpStatusCode.BadRequest), StringComparison.Ordinal);
        Assert.Contains("owner_not_found", await RefusedAsync(Form("Audit", Guid.NewGuid(), Pdf[..1000], "x.pdf"), HttpStatusCode.BadRequest), StringComparison.Ordinal);
        Assert.Contains("ownerType", await RefusedAsync(Form("Spaceship", supplier, Pdf[..1000], "x.pdf"), HttpStatusCode.BadRequest), StringComparison.Ordinal);
        Assert.Contains("not_multipart", await RefusedAsync(JsonContent.Create(new { ownerType = "Supplier" }), HttpStatusCode.BadRequest), StringComparison.Ordinal);
        var fileFirst = new MultipartFormDataContent { { new ByteArrayContent(Pdf[..1000]), "file", "x.pdf" }, { new StringContent("Supplier"), "ownerType" } };
        Assert.Contains("must come before the file", await RefusedAsync(fileFirst, HttpStatusCode.BadRequest), StringComparison.Ordinal);
        using var auditor = await org.ClientAsync("Auditor");
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostAsync("/api/v1/evidence", Form("Supplier", supplier, Pdf[..1000], "x.pdf"))).StatusCode);

        var blobs = app.Services.GetRequiredService<IBlobStore>();
        await foreach (var _ in blobs.ListAsync(org.Id.ToString(), CancellationToken.None)) Assert.Fail("nothing should be stored");
        Assert.Empty((await admin.GetFromJsonAsync<JsonElement>("/api/v1/evidence")).EnumerateArray());
    }

    [Fact]
    public async Task A_corrupted_blob_is_never_delivered_whole()
    {
        await using var app = new ComplianceApp();
        var org = await app.SignUpAsync("Alpha Apparel");
        var supplier = await org.CreateSupplierAsync("A-1");
        using var admin = org.Admin();
        var uploaded = await (await admin.PostAsync("/api/v1/evidence", Form("Supplier", supplier, Pdf, "report.pdf"))).Content.ReadFromJsonAsync<JsonElement>();
        var sha = uploaded.GetProperty("sha256").GetString()!;

        // Bit rot (or tampering) behind the store's back.
        var file = Directory.GetFiles(Path.Combine(app.DataPath, "blobs"), sha, SearchOption.AllDirectories).Single();
        var bytes = await File.ReadAllBytesAsync(file);
        bytes[^10] ^= 0xFF;
        await File.WriteAllBytesAsync(file, bytes);

        var delivered = await Record.ExceptionAsync(async () =>
        {
            var response = await admin.GetAsync($"/api/v1/evidence/{uploaded.GetProperty("id").GetGuid()}/content");
            var body = await response.Content.ReadAsByteArrayAsync();
            Assert.False(response.IsSuccessStatusCode && body.Length == Pdf.Length, "a corrupted file was delivered whole");
        });
        Assert.True(delivered is null or HttpRequestException or IOException or BlobCorruptedException, delivered?.ToString());
    }

    [Theory]
    [MemberData(nameof(ComplianceApp.Providers), MemberType = typeof(ComplianceApp))]
    public async Task Another_organizations_evidence_is_a_404_and_its_bytes_are_never_served(DatabaseProvider provider)
    {
        await using var app = await ComplianceApp.StartAsync(provider);
        var a = await app.SignUpAsync("Alpha Apparel");
        var b = await app.SignUpAsync("Beta Beverages");
        var supplierOfA = await a.CreateSupplierAsync("A-1");
        using var clientA = a.Admin();
        var evidence = await (await clientA.PostAsync("/api/v1/evidence", Form("Supplier", supplierOfA, Pdf, "report.pdf"))).Content.ReadFromJsonAsync<JsonElement>();
        var id = evidence.GetProperty("id").GetGuid();

        using var clientB = b.Admin();
        Assert.Equal(HttpStatusCode.NotFound, (await clientB.GetAsync($"/api/v1/evidence/{id}")).StatusCode);
        var content = await clientB.GetAsync($"/api/v1/evidence/{id}/content");
        Assert.Equal(HttpStatusCode.NotFound, content.StatusCode);
        Assert.DoesNotContain("%PDF", await content.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty((await clientB.GetFromJsonAsync<JsonElement>("/api/v1/evidence")).EnumerateArray());
        // B cannot attach a file to A's supplier either.
        Assert.Equal(HttpStatusCode.BadRequest, (await clientB.PostAsync("/api/v1/evidence", Form("Supplier", supplierOfA, Pdf[..1000], "x.pdf"))).StatusCode);
    }
}
