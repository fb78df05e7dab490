using System.Net.Http.Json;
using System.Text;
using Compliance.Tests.Fixtures;
using Microsoft.Playwright;

namespace Compliance.Tests.Browser;

public sealed class ImportPagesBrowserTests
{
    [Fact]
    public async Task An_officer_uploads_a_file_sees_the_preview_runs_the_import_and_each_supplier_names_its_row()
    {
        await using var app = new ComplianceApp();
        var baseAddress = app.StartKestrel();
        var org = await app.SignUpAsync("Alpha Apparel");
        // As Excel saves it in Europe: semicolons, a BOM; one row without a name.
        var file = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(
            "Lieferant Nr.;Lieferant;Land\r\nV-1;Saigon Textiles;Viet Nam\r\nV-2;;Türkiye\r\nV-3;Yangon Garments;Burma\r\n")).ToArray();

        var (playwright, browser) = await BrowserSession.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = baseAddress.ToString(), ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
            await BrowserSession.SignInAsync(page, org.AdminEmail, TestOrganization.Password);
            await page.GotoAsync("/Suppliers/Import");
            await page.GetByLabel("Supplier file").SetInputFilesAsync(new FilePayload { Name = "lieferanten.csv", MimeType = "text/csv", Buffer = file });
            await page.GetByRole(AriaRole.Button, new() { Name = "Upload and preview" }).ClickAsync();

            // The preview: columns mapped from the German headers, the first rows as they will be imported, nothing saved yet.
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Preview: lieferanten.csv" })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByText("Mapping: automatic")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByLabel("externalReference *")).ToHaveValueAsync("Lieferant Nr.");
            await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Yangon Garments" })).ToBeVisibleAsync();
            await BrowserSession.ScreenshotAsync(page, "import-preview");
            using (var admin = org.Admin())
                Assert.Equal(0, (await admin.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/suppliers")).GetProperty("totalCount").GetInt32());

            await page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Import of lieferanten.csv" })).ToBeVisibleAsync();
            // The page follows the job until it is done: the bar full, the figures and the rejected row with its reason.
            await Assertions.Expect(page.Locator("#import-state")).ToHaveTextAsync("Completed", new() { Timeout = 30_000 });
            await Assertions.Expect(page.Locator("#import-progress")).ToHaveAttributeAsync("value", "3");
            await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "missing_name" })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Download the rejected rows (CSV)" })).ToBeVisibleAsync();
            await BrowserSession.ScreenshotAsync(page, "import-status");

            await page.GotoAsync("/Suppliers");
            await page.GetByRole(AriaRole.Link, new() { Name = "Yangon Garments" }).ClickAsync();
            var source = page.GetByRole(AriaRole.Link, new() { Name = "lieferanten.csv" });
            await Assertions.Expect(source).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("dd", new() { Has = source })).ToContainTextAsync("row 4");
            await Assertions.Expect(page.Locator("ul.events")).ToContainTextAsync("created by the import of lieferanten.csv, row 4");
            await BrowserSession.ScreenshotAsync(page, "imported-supplier");
        }
    }
}
