using Compliance.Domain.Tenancy;
using Compliance.Tests.Fixtures;
using Microsoft.Playwright;

namespace Compliance.Tests.Browser;

public sealed class GrievancePagesTests
{
    [Fact]
    public async Task A_worker_reports_in_vietnamese_a_handler_answers_and_the_worker_reads_the_answer()
    {
        await using var app = new ComplianceApp();
        var baseAddress = app.StartKestrel();
        var org = await app.SignUpAsync("Alpha Apparel");
        await MembershipsFixture.AddMembershipAsync(app, org.Id, org.AdminEmail, Role.GrievanceHandler);

        var (playwright, browser) = await BrowserSession.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var worker = await browser.NewPageAsync(new BrowserNewPageOptions
            {
                BaseURL = baseAddress.ToString(), Locale = "vi-VN", ViewportSize = new ViewportSize { Width = 420, Height = 900 },
            });
            await worker.GotoAsync($"/report/{org.Slug}");
            // The browser's language picks the form's; the hotline is on the page.
            await Assertions.Expect(worker.GetByRole(AriaRole.Heading, new() { Name = "Báo cáo vấn đề" })).ToBeVisibleAsync();
            await Assertions.Expect(worker.GetByText("1-844-888-FREE")).ToBeVisibleAsync();
            Assert.Equal("vi", await worker.Locator("html").GetAttributeAsync("lang"));
            await BrowserSession.ScreenshotAsync(worker, "grievance-form-vi");

            await worker.GetByLabel("Hộ chiếu hoặc giấy tờ tùy thân của tôi bị người khác giữ").CheckAsync();
            await worker.GetByLabel("Chuyện gì đã xảy ra?").FillAsync("Quản đốc giữ hộ chiếu của chúng tôi. <script>alert(1)</script>");
            await worker.GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo" }).ClickAsync();
            await Assertions.Expect(worker.GetByRole(AriaRole.Heading, new() { Name = "Chúng tôi đã nhận được báo cáo của bạn" })).ToBeVisibleAsync();
            var receipt = (await worker.Locator("#receipt-code").TextContentAsync())!;
            var passphrase = (await worker.Locator("#passphrase").TextContentAsync())!;
            await BrowserSession.ScreenshotAsync(worker, "grievance-receipt-vi");

            var handler = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = baseAddress.ToString(), ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
            await BrowserSession.SignInAsync(handler, org.AdminEmail, TestOrganization.Password);
            await handler.GetByRole(AriaRole.Link, new() { Name = "Grievances", Exact = true }).ClickAsync();
            await Assertions.Expect(handler.Locator("#grievances tbody tr")).ToHaveCountAsync(1);
            await BrowserSession.ScreenshotAsync(handler, "grievance-register");
            await handler.Locator("#grievances tbody tr a").First.ClickAsync();
            // Stored text is shown as text, never run.
            await Assertions.Expect(handler.GetByText("<script>alert(1)</script>", new() { Exact = false })).ToBeVisibleAsync();
            await handler.GetByLabel("Message").FillAsync("Cảm ơn bạn. Chúng tôi đang điều tra.");
            await handler.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
            await handler.GetByLabel("Status").SelectOptionAsync("Acknowledged");
            await handler.GetByRole(AriaRole.Button, new() { Name = "Move" }).ClickAsync();
            await Assertions.Expect(handler.Locator("#status")).ToHaveTextAsync("acknowledged");
            await BrowserSession.ScreenshotAsync(handler, "grievance-case");

            await worker.GotoAsync($"/report/{org.Slug}/follow-up");
            await worker.GetByLabel("Mã biên nhận").FillAsync(receipt);
            await worker.GetByLabel("Mật khẩu").FillAsync("WRON-GWRO-NGWR-ONGW-RONG");
            await worker.GetByRole(AriaRole.Button, new() { Name = "Xem báo cáo của tôi" }).ClickAsync();
            await Assertions.Expect(worker.GetByRole(AriaRole.Alert)).ToContainTextAsync("Không có báo cáo nào");
            await worker.GetByLabel("Mã biên nhận").FillAsync(receipt);
            await worker.GetByLabel("Mật khẩu").FillAsync(passphrase);
            await worker.GetByRole(AriaRole.Button, new() { Name = "Xem báo cáo của tôi" }).ClickAsync();
            await Assertions.Expect(worker.Locator("#case-status")).ToHaveTextAsync("Đã xác nhận");
            await Assertions.Expect(worker.GetByText("Cảm ơn bạn. Chúng tôi đang điều tra.")).ToBeVisibleAsync();
            Assert.DoesNotContain(passphrase, worker.Url, StringComparison.Ordinal);
            await worker.GetByLabel("Gửi thêm thông tin hoặc câu hỏi").FillAsync("Nhà máy số 2.");
            await worker.GetByRole(AriaRole.Button, new() { Name = "Gửi", Exact = true }).ClickAsync();
            await Assertions.Expect(worker.GetByText("Nhà máy số 2.")).ToBeVisibleAsync();
            await BrowserSession.ScreenshotAsync(worker, "grievance-follow-up-vi");
        }
    }
}
