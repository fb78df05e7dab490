using Compliance.Tests.Fixtures;
using Microsoft.Playwright;

namespace Compliance.Tests.Browser;

public sealed class AuditPagesTests
{
    [Fact]
    public async Task An_officer_records_an_audit_a_finding_and_an_action_and_sees_it_in_the_ageing_view()
    {
        await using var app = new ComplianceApp();
        var baseAddress = app.StartKestrel();
        var org = await app.SignUpAsync("Alpha Apparel");
        await org.CreateSupplierAsync("V-100001", "Shenzhen Huaqiang Electronics Co., Ltd.");
        var pdf = Path.Combine(app.DataPath, "SMETA report.pdf");
        await File.WriteAllTextAsync(pdf, "%PDF-1.7\n% audit report\n%%EOF\n");

        var (playwright, browser) = await BrowserSession.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = baseAddress.ToString(), ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
            await BrowserSession.SignInAsync(page, org.AdminEmail, TestOrganization.Password);

            await page.GetByRole(AriaRole.Link, new() { Name = "Audits", Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Record audit" }).ClickAsync();
            await page.GetByLabel("Supplier").FillAsync("V-100001");
            await page.GetByLabel("Scheme").SelectOptionAsync("Smeta");
            await page.GetByLabel("Announcement").SelectOptionAsync("Unannounced");
            await page.GetByLabel("Audit firm").FillAsync("Elevate Limited");
            var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            await page.GetByLabel("Start date").FillAsync(today);
            await page.GetByLabel("End date").FillAsync(today);
            await page.GetByLabel("Workers interviewed").FillAsync("38");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "SMETA audit of Shenzhen Huaqiang Electronics Co., Ltd." })).ToBeVisibleAsync();
            await page.GetByLabel("ILO forced-labour indicator").SelectOptionAsync("RetentionOfIdentityDocuments");
            await page.GetByLabel("Severity").SelectOptionAsync("ZeroTolerance");
            await page.GetByLabel("What was found").FillAsync("Passports of 14 migrant workers kept in the HR office safe.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Record finding" }).ClickAsync();
            await Assertions.Expect(page.GetByText("Passports of 14 migrant workers")).ToBeVisibleAsync();

            await page.GetByText("Add a corrective action").ClickAsync();
            await page.GetByLabel("What must be done").FillAsync("Return all passports and give each worker a personal locker.");
            await page.GetByLabel("Owner").FillAsync("Factory HR manager");
            await page.GetByRole(AriaRole.Button, new() { Name = "Add action" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Factory HR manager" })).ToBeVisibleAsync();

            await page.Locator("form.evidence-upload").First.Locator("input[type=file]").SetInputFilesAsync(pdf);
            await page.Locator("form.evidence-upload").First.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "SMETA report.pdf" })).ToBeVisibleAsync();
            await BrowserSession.ScreenshotAsync(page, "audit-details");

            await page.GotoAsync("/Audits/Actions");
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Return all passports and give each worker a personal locker." })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Img)).ToBeVisibleAsync();
            await BrowserSession.ScreenshotAsync(page, "corrective-actions");
        }
    }
}
