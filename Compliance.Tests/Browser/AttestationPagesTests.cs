using System.Net.Http.Json;
using System.Text.Json;
using Compliance.Tests.Fixtures;
using Compliance.Tests.Integration.Attestations;
using Compliance.Web.Infrastructure.Identity;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Compliance.Tests.Browser;

public sealed class AttestationPagesTests
{
    [Fact]
    public async Task A_supplier_signs_through_the_link_and_an_officer_returns_then_accepts_a_certification()
    {
        await using var app = new ComplianceApp();
        var baseAddress = app.StartKestrel();
        var org = await app.SignUpAsync("Alpha Apparel");
        var supplier = await org.CreateSupplierAsync("S-1", "Saigon Garment Co.", "VN");
        using var admin = org.Admin();
        var request = await admin.PostAsJsonAsync("/api/v1/attestations", new { kind = "SupplierCertification", supplierId = supplier, contactName = "Nguyen Thi Mai", contactEmail = "mai@saigon.test" });
        var link = (await request.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("certifyUrl").GetString()!;
        var (_, certification) = await AttestationFixture.SubmittedCertificationAsync(org, "SAQMMA-26-C-0001", "Department of State");
        string password;
        using (var scope = app.Services.CreateScope())
            password = (await ContractingOfficerAccounts.AddAsync("co@state.gov", "Department of State", scope.ServiceProvider.GetRequiredService<ComplianceDbContext>(),
                scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(), TimeProvider.System, CancellationToken.None)).Password!;

        var (playwright, browser) = await BrowserSession.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            // The supplier contact: no account, reads the statement, signs once.
            var contact = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = baseAddress.ToString(), ViewportSize = new ViewportSize { Width = 420, Height = 900 } });
            await contact.GotoAsync(link);
            await Assertions.Expect(contact.GetByRole(AriaRole.Heading, new() { Name = "Alpha Apparel asks Saigon Garment Co. to certify" })).ToBeVisibleAsync();
            await Assertions.Expect(contact.Locator("#statement")).ToContainTextAsync("slavery and human trafficking");
            await BrowserSession.ScreenshotAsync(contact, "certify-statement");
            await contact.GetByLabel("Your full name").FillAsync("Nguyen Thi Mai");
            await contact.GetByRole(AriaRole.Button, new() { Name = "Sign" }).ClickAsync();
            await Assertions.Expect(contact.GetByRole(AriaRole.Alert)).ToContainTextAsync("Tick the box");
            await contact.GetByLabel("Your title").FillAsync("General Director");
            await contact.GetByLabel("I have read the statement").CheckAsync();
            await contact.GetByRole(AriaRole.Button, new() { Name = "Sign" }).ClickAsync();
            await Assertions.Expect(contact.GetByRole(AriaRole.Heading, new() { Name = "Thank you — the statement is signed" })).ToBeVisibleAsync();
            await BrowserSession.ScreenshotAsync(contact, "certify-signed");
            var again = await contact.GotoAsync(link);
            Assert.Equal(410, again!.Status);
            await Assertions.Expect(contact.GetByRole(AriaRole.Heading, new() { Name = "This statement has already been signed" })).ToBeVisibleAsync();

            // The contracting officer: signs in with the existing login, lands on the queue, returns with comments.
            var officer = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = baseAddress.ToString(), ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
            await BrowserSession.SignInAsync(officer, "co@state.gov", password, "/Officer");
            await Assertions.Expect(officer.Locator("#queue tbody tr")).ToHaveCountAsync(1);
            await BrowserSession.ScreenshotAsync(officer, "officer-queue");
            await officer.GetByRole(AriaRole.Link, new() { Name = "Alpha Apparel" }).ClickAsync();
            await Assertions.Expect(officer.Locator("#plan")).ToContainTextAsync("1-844-888-FREE");
            await officer.GetByRole(AriaRole.Button, new() { Name = "Return with comments" }).ClickAsync();
            await Assertions.Expect(officer.GetByRole(AriaRole.Alert)).ToContainTextAsync("Say what the contractor must change");
            await officer.GetByLabel("Comments").FillAsync("Attach the 2026 subcontractor audit results.");
            await officer.GetByRole(AriaRole.Button, new() { Name = "Return with comments" }).ClickAsync();
            await Assertions.Expect(officer.Locator("#status")).ToHaveTextAsync("Returned");
            await BrowserSession.ScreenshotAsync(officer, "officer-review-returned");

            // The contractor sees the outcome and resubmits; the officer accepts.
            var contractor = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = baseAddress.ToString(), ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
            await BrowserSession.SignInAsync(contractor, org.AdminEmail, TestOrganization.Password);
            await contractor.GetByRole(AriaRole.Link, new() { Name = "Attestations", Exact = true }).ClickAsync();
            await Assertions.Expect(contractor.Locator("#attestations")).ToContainTextAsync("Officer: Attach the 2026 subcontractor audit results.");
            await BrowserSession.ScreenshotAsync(contractor, "attestations-index");
            await contractor.GotoAsync($"/Attestations/Details/{certification}");
            await contractor.GetByRole(AriaRole.Button, new() { Name = "Resubmit to the contracting officer (Department of State)" }).ClickAsync();
            await Assertions.Expect(contractor.Locator("#status")).ToHaveTextAsync("Submitted");
            await BrowserSession.ScreenshotAsync(contractor, "attestation-details");
            await contractor.GotoAsync("/Attestations/Plan");
            await Assertions.Expect(contractor.Locator("#versions li")).ToHaveCountAsync(1);
            await contractor.GetByLabel("Awareness program (FAR 52.222-50(h)(3)(i))").FillAsync("Quarterly briefings for all staff and agents.");
            await contractor.GetByRole(AriaRole.Button, new() { Name = "Save as a new version" }).ClickAsync();
            await Assertions.Expect(contractor.Locator("#versions li")).ToHaveCountAsync(2);
            await BrowserSession.ScreenshotAsync(contractor, "compliance-plan");
            await contractor.GotoAsync("/Attestations/Records");
            await contractor.GetByLabel("Session").FillAsync("Forced labour indicators for buyers");
            await contractor.GetByLabel("Held on").FillAsync(DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            await contractor.GetByLabel("Audience").SelectOptionAsync("SupplyChainManagement");
            await contractor.GetByLabel("Trained", new() { Exact = true }).FillAsync("8");
            await contractor.GetByLabel("In scope").FillAsync("10");
            await contractor.GetByRole(AriaRole.Button, new() { Name = "Record session" }).ClickAsync();
            await Assertions.Expect(contractor.Locator("#training")).ToContainTextAsync("8 / 10");
            await BrowserSession.ScreenshotAsync(contractor, "attestation-records");

            await officer.ReloadAsync();
            await officer.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
            await Assertions.Expect(officer.Locator("#status")).ToHaveTextAsync("Accepted");
            await officer.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
            await Assertions.Expect(officer).ToHaveURLAsync(BrowserSession.PathIs("/Account/Login"));
            await Assertions.Expect(officer.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        }
    }
}
