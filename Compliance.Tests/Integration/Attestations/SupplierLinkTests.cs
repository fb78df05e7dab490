using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Compliance.Tests.Fixtures;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;
using static Compliance.Tests.Integration.Attestations.AttestationFixture;

namespace Compliance.Tests.Integration.Attestations;

public sealed class SupplierLinkTests
{
    private static object Signature(string version) => new { signerName = "Nguyen Thi Mai", signerTitle = "General Director", signedOn = Today, statementVersion = version };

    [Theory]
    [MemberData(nameof(ComplianceApp.Providers), MemberType = typeof(ComplianceApp))]
    public async Task A_supplier_signs_once_through_the_link_and_the_signed_text_is_frozen(DatabaseProvider provider)
    {
        await using var app = await ComplianceApp.StartAsync(provider);
        var org = await app.SignUpAsync("Alpha Apparel");
        var supplier = await org.CreateSupplierAsync("S-1", "Saigon Garment Co.");
        using var admin = org.Admin();
        var created = await PostAsync(admin, "/api/v1/attestations", new { kind = "SupplierCertification", supplierId = supplier, contactName = "Nguyen Thi Mai", contactEmail = "mai@saigon.test" });
        var id = created.GetProperty("id").GetGuid();
        var link = created.GetProperty("certifyUrl").GetString()!;
        var token = link["/certify/".Length..];
        using var anonymous = app.Client(handleCookies: false);

        var view = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/public/certify/{token}");
        Assert.Equal("Alpha Apparel", view.GetProperty("organizationName").GetString());
        Assert.Equal("Saigon Garment Co.", view.GetProperty("supplierName").GetString());
        var shownText = view.GetProperty("statementText").GetString()!;
        var version = view.GetProperty("statementVersion").GetString()!;

        // The signer confirms the version they read; a wrong one or a missing name is a ProblemDetails, and nothing is signed.
        var wrong = await PostAsync(anonymous, $"/api/v1/public/certify/{token}", new { signerName = "", signerTitle = "GD", signedOn = Today, statementVersion = "old" }, HttpStatusCode.BadRequest);
        AssertViolation(wrong, "signerName", "required");
        AssertViolation(wrong, "statementVersion", "version_mismatch");

        var signed = await PostAsync(anonymous, $"/api/v1/public/certify/{token}", Signature(version), HttpStatusCode.OK);
        Assert.Equal(Today.AddYears(1), DateOnly.Parse(signed.GetProperty("validUntil").GetString()!, System.Globalization.CultureInfo.InvariantCulture));

        // Replay: the link is spent.
        var replay = await PostAsync(anonymous, $"/api/v1/public/certify/{token}", Signature(version), HttpStatusCode.Gone);
        AssertViolation(replay, "token", "link_used");
        Assert.Equal(HttpStatusCode.Gone, (await anonymous.GetAsync($"/api/v1/public/certify/{token}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/public/certify/{token}x")).StatusCode);

        // Frozen: the record keeps the exact text shown, with its hash; it cannot be signed again from the inside either.
        var record = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/attestations/{id}");
        Assert.Equal("Signed", record.GetProperty("status").GetString());
        Assert.Equal(shownText, record.GetProperty("statementText").GetString());
        Assert.Equal(version, record.GetProperty("statementVersion").GetString());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(shownText))), record.GetProperty("statementSha256").GetString());
        Assert.Equal("Nguyen Thi Mai", record.GetProperty("signerName").GetString());
        await PostAsync(admin, $"/api/v1/attestations/{id}/sign", Signature(version), HttpStatusCode.Conflict);
        await PostAsync(admin, $"/api/v1/attestations/{id}/submit", null, HttpStatusCode.Conflict);

        // Only the hash of the token is stored.
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplianceDbContext>();
        db.Tenant.Use(org.Id);
        var stored = db.Attestations.Single(a => a.Id == id);
        Assert.NotEqual(token, stored.TokenHash);
        Assert.DoesNotContain(token, JsonSerializer.Serialize(stored), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_link_cannot_be_signed_and_the_reminder_job_says_so()
    {
        var clock = new ShiftedClock();
        var logs = new CapturedLogs();
        await using var app = new ComplianceApp { TestServices = s => { s.AddSingleton<TimeProvider>(clock); s.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(logs); } };
        var org = await app.SignUpAsync("Alpha Apparel");
        var supplier = await org.CreateSupplierAsync("S-1", "Saigon Garment Co.");
        using var admin = org.Admin();
        var created = await PostAsync(admin, "/api/v1/attestations", new { kind = "FlowDown", supplierId = supplier, contactName = "Mai", contactEmail = "mai@saigon.test", linkValidDays = 1 });
        var token = created.GetProperty("certifyUrl").GetString()!["/certify/".Length..];

        clock.Offset = TimeSpan.FromDays(2);
        using var anonymous = app.Client(handleCookies: false);
        var late = await PostAsync(anonymous, $"/api/v1/public/certify/{token}", new { signerName = "Mai", signerTitle = "GD", signedOn = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), statementVersion = created.GetProperty("statementVersion").GetString() }, HttpStatusCode.Gone);
        AssertViolation(late, "token", "link_expired");

        await JobRunner.RunAsync<Web.Features.Attestations.AttestationReminders>(app);
        await JobRunner.RunAsync<Web.Features.Attestations.AttestationReminders>(app);
        Assert.DoesNotContain(logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal));
        var notices = await admin.GetFromJsonAsync<JsonElement>("/api/v1/notifications");
        Assert.Single(notices.GetProperty("items").EnumerateArray(), n => n.GetProperty("kind").GetString() == "AttestationLinkExpired");
        var flowDown = await admin.GetFromJsonAsync<JsonElement>("/api/v1/attestations/flow-down");
        Assert.Equal("Link expired", Assert.Single(flowDown.EnumerateArray()).GetProperty("standing").GetString());
    }

    [Fact]
    public async Task The_annual_certification_raises_a_renewal_notice_before_it_lapses()
    {
        var clock = new ShiftedClock();
        await using var app = new ComplianceApp { TestServices = s => s.AddSingleton<TimeProvider>(clock) };
        var org = await app.SignUpAsync("Alpha Apparel");
        await SubmittedCertificationAsync(org, "W1", "Department of State");

        await JobRunner.RunAsync<Web.Features.Attestations.AttestationReminders>(app);
        using var admin = org.Admin();
        Assert.Empty((await admin.GetFromJsonAsync<JsonElement>("/api/v1/notifications")).GetProperty("items").EnumerateArray());

        clock.Offset = TimeSpan.FromDays(345);
        await JobRunner.RunAsync<Web.Features.Attestations.AttestationReminders>(app);
        var notice = Assert.Single((await admin.GetFromJsonAsync<JsonElement>("/api/v1/notifications")).GetProperty("items").EnumerateArray());
        Assert.Equal("AttestationDueSoon", notice.GetProperty("kind").GetString());
        Assert.Contains("FAR 52.222-56", notice.GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
