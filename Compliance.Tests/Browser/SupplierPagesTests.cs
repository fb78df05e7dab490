using Compliance.Tests.Fixtures;
using Microsoft.Playwright;

namespace Compliance.Tests.Browser;

public sealed class SupplierPagesTests
{
    [Fact]
    public async Task A_compliance_officer_signs_in_sees_the_supplier_list_and_adds_a_supplier()
    {
        await using var app = new ComplianceApp();
        var baseAddress = app.StartKestrel();
        var org = await app.SignUpAsync("Alpha Apparel");
        await org.CreateSupplierAsync("V-100001", "Shenzhen Huaqiang Electronics Co., Ltd.");
        await org.CreateSupplierAsync("V-100002", "Öztürk Tekstil Sanayi A.Ş.", "TR");

        var (playwright, browser) = await BrowserSession.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = baseAddress.ToString(), ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
            await page.GotoAsync("/Suppliers");
            Assert.EndsWith("/Account/Login?ReturnUrl=%2FSuppliers", page.Url, StringComparison.Ordinal);
            await BrowserSession.ScreenshotAsync(page, "login");

            await BrowserSession.SignInAsync(page, org.AdminEmail, TestOrganization.Password, "/Suppliers");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Suppliers", Level = 1 })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Öztürk Tekstil Sanayi A.Ş." })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByText("2 suppliers")).ToBeVisibleAsync();
            await BrowserSession.ScreenshotAsync(page, "suppliers");

            await page.GetByRole(AriaRole.Link, new() { Name = "Add supplier" }).ClickAsync();
            await page.GetByLabel("External reference").FillAsync("V-100003");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
            // The name was left empty: the form says so and keeps what was typed.
            await Assertions.Expect(page.GetByText("'name' is required.").First).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByLabel("External reference")).ToHaveValueAsync("V-100003");
            await BrowserSession.ScreenshotAsync(page, "edit-error");

            await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Công ty TNHH May mặc Việt Tiến");
            await page.GetByLabel("Country", new() { Exact = true }).SelectOptionAsync("VN");
            await page.GetByLabel("Product 1 name").FillAsync("Knitted T-shirts");
            await page.GetByLabel("Product 1 HS code").FillAsync("6109");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Công ty TNHH May mặc Việt Tiến" })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Knitted T-shirts" })).ToBeVisibleAsync();
            await BrowserSession.ScreenshotAsync(page, "supplier-details");

            await page.GotoAsync("/");
            await BrowserSession.ScreenshotAsync(page, "overview");
        }
    }
}
