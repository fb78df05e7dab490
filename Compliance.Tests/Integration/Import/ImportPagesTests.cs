using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Compliance.Tests.Fixtures;
using Compliance.Web.Infrastructure.Persistence;

namespace Compliance.Tests.Integration.Import;

/// <summary>The import pages as a browser uses them (cookie, antiforgery): upload → preview with mapping → run → progress and summary.</summary>
public sealed class ImportPagesTests
{
    private static async Task<HttpResponseMessage> UploadAsync(HttpClient browser, byte[] file, string name)
    {
        var token = await TestOrganization.AntiforgeryTokenAsync(browser, "/Suppliers/Import");
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(content, "Upload", name);
        form.Add(new StringContent(token), "__RequestVerificationToken");
        return await browser.PostAsync(new Uri("/Suppliers/Import", UriKind.Relative), form);
    }

    [Theory]
    [MemberData(nameof(ComplianceApp.Providers), MemberType = typeof(ComplianceApp))]
    public async Task Upload_preview_change_the_mapping_run_and_see_the_summary(DatabaseProvider provider)
    {
        await using var app = await ComplianceApp.StartAsync(provider);
        var org = await app.SignUpAsync("Pages Apparel");
        using var browser = await org.SignedInClientAsync();
        var file = Encoding.UTF8.GetBytes("Nr;Firma;Land;Bemerkung\n1;Erste Weberei;Germany;x\n2;Zweite;Atlantis;y\n");

        var uploaded = await UploadAsync(browser, file, "lieferanten.csv");
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        var preview = uploaded.Headers.Location!.ToString();
        Assert.StartsWith("/Suppliers/Import/Preview/", preview, StringComparison.Ordinal);
        var id = preview[(preview.LastIndexOf('/') + 1)..];
        var page = await browser.GetStringAsync(new Uri(preview, UriKind.Relative));
        Assert.Contains("separated by semicolon", page, StringComparison.Ordinal);
        Assert.Contains("Erste Weberei", page, StringComparison.Ordinal);

        // Nothing recognizes "Nr" and "Land" ("Land" is German for country and is recognized; "Nr" is not): map it.
        var token = await TestOrganization.AntiforgeryTokenAsync(browser, preview);
        var run = await browser.PostAsync(new Uri($"{preview}?handler=Run", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Mapping[externalReference]"] = "Nr", ["Mapping[name]"] = "Firma", ["Mapping[country]"] = "Land", ["Mapping[address]"] = "",
            ["Sheet"] = "", ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, run.StatusCode);
        Assert.Equal($"/Suppliers/Import/Status/{id}", run.Headers.Location!.ToString());

        var api = new ImportApi(org.Admin());
        var summary = await api.WaitAsync(Guid.Parse(id));
        Assert.Equal((1, 1), (summary.Count("addedRows"), summary.Count("rejectedRows")));
        var status = await browser.GetStringAsync(new Uri($"/Suppliers/Import/Status/{id}", UriKind.Relative));
        Assert.Contains("<progress id=\"import-progress\"", status, StringComparison.Ordinal);
        Assert.Contains("data-status-url=\"/api/v1/suppliers/imports/" + id, status, StringComparison.Ordinal);
        Assert.Contains("unknown_country", status, StringComparison.Ordinal);
        Assert.Contains($"/api/v1/suppliers/imports/{id}/rejected.csv", status, StringComparison.Ordinal);
        // The page polls the API with its cookie.
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(new Uri($"/api/v1/suppliers/imports/{id}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Another_organizations_import_pages_are_not_found()
    {
        await using var app = new ComplianceApp();
        var owner = await app.SignUpAsync("Owner Pages");
        var other = await app.SignUpAsync("Other Pages");
        using var ownerBrowser = await owner.SignedInClientAsync();
        var uploaded = await UploadAsync(ownerBrowser, Encoding.UTF8.GetBytes("ref,name,country\nQ-1,Hidden Mill,CN\n"), "s.csv");
        var id = uploaded.Headers.Location!.ToString().Split('/')[^1];

        using var otherBrowser = await other.SignedInClientAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await otherBrowser.GetAsync(new Uri($"/Suppliers/Import/Preview/{id}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherBrowser.GetAsync(new Uri($"/Suppliers/Import/Status/{id}", UriKind.Relative))).StatusCode);
        var list = await otherBrowser.GetStringAsync(new Uri("/Suppliers/Import", UriKind.Relative));
        Assert.DoesNotContain("s.csv", list, StringComparison.Ordinal);
    }
}
