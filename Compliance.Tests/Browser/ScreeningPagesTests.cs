using System.Net.Http.Json;
using Compliance.Tests.Fixtures;
using Microsoft.Playwright;
using static Compliance.Tests.Integration.Screening.ScreeningApi;

namespace Compliance.Tests.Browser;

public sealed class ScreeningPagesTests
{
    [Fact]
    public async Task An_officer_runs_screening_sees_the_charts_decides_a_hit_and_compares_two_editions()
    {
        await using var app = new ComplianceApp();
        var baseAddress = app.StartKestrel();
        var org = await app.SignUpAsync("Alpha Apparel");
        using (var admin = org.Admin())
        {
            await SupplierAsync(admin, "C-1", "Kashgar Textile Trading", "CN", new { name = "Cotton yarn" });
            await SupplierAsync(admin, "K-1", "Abidjan Cocoa Export", "CI", new { name = "Cocoa beans" });
            await SupplierAsync(admin, "B-1", "Lahore Brick Kilns", "PK", new { name = "Bricks" });
        }

        var (playwright, browser) = await BrowserSession.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = baseAddress.ToString(), ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
            await BrowserSession.SignInAsync(page, org.AdminEmail, TestOrganization.Password);

            await page.GetByRole(AriaRole.Link, new() { Name = "Risk dashboard" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Screen all suppliers now" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Screening run queued");
            using (var admin = org.Admin()) await WaitForIdleAsync(admin);
            await page.ReloadAsync();
            await Assertions.Expect(page.Locator("#by-country svg")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("#by-good svg")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Rowheader, new() { Name = "Pakistan" })).ToBeVisibleAsync();
            await BrowserSession.ScreenshotAsync(page, "screening-dashboard");

            await page.GetByRole(AriaRole.Link, new() { Name = "Review queue" }).First.ClickAsync();
            var cotton = page.Locator("article").Filter(new() { HasText = "Kashgar Textile Trading" }).Filter(new() { HasText = "DOL TVPRA" }).First;
            await Assertions.Expect(cotton).ToContainTextAsync("Cotton");
            await BrowserSession.ScreenshotAsync(page, "screening-review");
            // False positive without a reason: refused, with the rule said.
            await cotton.GetByLabel("Decision").SelectOptionAsync("FalsePositive");
            await cotton.GetByRole(AriaRole.Button, new() { Name = "Save decision" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("needs a reason");
            cotton = page.Locator("article").Filter(new() { HasText = "Kashgar Textile Trading" }).Filter(new() { HasText = "DOL TVPRA" }).First;
            await cotton.GetByLabel("Decision").SelectOptionAsync("FalsePositive");
            await cotton.GetByLabel("Reason").FillAsync("Yarn spun in Pakistan from Australian cotton");
            await cotton.GetByRole(AriaRole.Button, new() { Name = "Save decision" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("marked false positive");
            // The EO 13126 cotton hit and the DOL thread/yarn hit are other questions and stay open.
            await Assertions.Expect(page.Locator("article").Filter(new() { HasText = "Kashgar Textile Trading" })).ToHaveCountAsync(2);

            // The supplier page's risk panel shows the decision with its reason.
            await page.Locator("article").Filter(new() { HasText = "Kashgar Textile Trading" }).First.GetByRole(AriaRole.Link, new() { Name = "Kashgar Textile Trading" }).ClickAsync();
            await Assertions.Expect(page.Locator(".risk-panel")).ToContainTextAsync("false positive: Yarn spun in Pakistan from Australian cotton");
            await BrowserSession.ScreenshotAsync(page, "screening-supplier-risk");

            await page.GetByRole(AriaRole.Link, new() { Name = "Risk lists" }).ClickAsync();
            await Assertions.Expect(page.Locator("#eo13126-partial")).ToContainTextAsync("partial");
            await BrowserSession.ScreenshotAsync(page, "screening-lists");
            await page.GetByRole(AriaRole.Button, new() { Name = "Show changes" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "DOL TVPRA List of Goods 2020 → DOL TVPRA List of Goods 2022" })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Uzbekistan" }).Filter(new() { HasText = "Cotton" }).First).ToBeVisibleAsync();
            await BrowserSession.ScreenshotAsync(page, "screening-diff");
        }
    }
}
