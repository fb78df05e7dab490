using Microsoft.Playwright;

namespace Compliance.Tests.Browser;

/// <summary>
/// Debian's headless Chromium driven by Playwright (never `playwright install`), with the flags that keep it
/// off the network. Set COMPLIANCE_SCREENSHOTS to a folder to keep screenshots of the pages a test visits.
/// </summary>
public static class BrowserSession
{
    public const string Chromium = "/usr/bin/chromium";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(Chromium))
            throw new InvalidOperationException($"{Chromium} is missing. Run ./test.sh, which installs Debian's chromium package.");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return (playwright, browser);
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("COMPLIANCE_SCREENSHOTS") is not { Length: > 0 } folder) return;
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }
}
