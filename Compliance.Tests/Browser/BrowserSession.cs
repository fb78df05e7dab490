using System.Text.RegularExpressions;
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

    /// <summary>
    /// Signs in through the login form (opening it unless the page is on it already) and waits until the browser shows
    /// <paramref name="landingPath"/> signed in. A refused sign-in fails with what the login page said.
    /// </summary>
    /// <remarks>
    /// Not <c>WaitForURLAsync</c>: the .NET client checks the page's load state and then subscribes to its events, while
    /// another thread delivers them; a <c>load</c> that arrives between the two is lost and the wait runs out its 30 s on
    /// a page that has long loaded (its log then shows only "NetworkIdle" event fired; microsoft/playwright-dotnet#3364).
    /// The assertions below are polled by the Playwright server instead, so there is no event to lose.
    /// </remarks>
    public static async Task SignInAsync(IPage page, string email, string password, string landingPath = "/")
    {
        if (!new Uri(page.Url).AbsolutePath.Equals("/Account/Login", StringComparison.OrdinalIgnoreCase)) await page.GotoAsync("/Account/Login");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        try
        {
            // The 30 s of the navigation wait this replaces: the sign-in hashes the password, slowly by design.
            await Assertions.Expect(page).ToHaveURLAsync(PathIs(landingPath), new() { Timeout = 30_000 });
        }
        catch (PlaywrightException e)
        {
            var said = await page.Locator("h1, [role=alert], .error").AllInnerTextsAsync();
            await ScreenshotAsync(page, "sign-in-failed");
            throw new InvalidOperationException($"Signing in as {email} did not reach {landingPath}: the page is {page.Url}, saying \"{string.Join(" | ", said.Where(t => t.Length > 0))}\".", e);
        }
        // The page shell offers "Sign out" only to a signed-in user.
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
    }

    /// <summary>A page's address with exactly this path (and any query), for <c>Expect(page).ToHaveURLAsync</c>.</summary>
    public static Regex PathIs(string path) => new($"^https?://[^/]+{Regex.Escape(path)}(\\?.*)?$");

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("COMPLIANCE_SCREENSHOTS") is not { Length: > 0 } folder) return;
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }
}
