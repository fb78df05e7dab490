using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Compliance.Tests.Fixtures;
using Compliance.Web.Infrastructure.Identity;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Compliance.Tests.Integration.Attestations;

/// <summary>Builders for contracts, plans, certifications and officers, all through the API (officers as a platform operator makes them).</summary>
public static class AttestationFixture
{
    public static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    public const string Hotline = "Employees report to their manager, to ethics@alpha.test, or to the Global Human Trafficking Hotline 1-844-888-FREE / help@befree.org; no one is penalised for reporting.";

    public static object ContractBody(string number, string agency, decimal outsideUsValue = 900_000m, DateOnly? awardDate = null) => new
    {
        number, agency, contractingOfficerEmail = "co@agency.gov", value = 2_000_000m, outsideUsValue, awardDate = awardDate ?? new DateOnly(2026, 1, 15),
    };

    public static object PlanBody(string awareness = "Annual training for all staff on the US Government's zero-tolerance policy and the actions taken for violations.") => new
    {
        awarenessProgram = awareness,
        reportingProcess = Hotline,
        recruitmentAndWagePlan = "Only trained recruiters; no recruitment fees charged to workers; wages meet host-country law.",
        noHousingProvided = true,
        subcontractorProcedures = "Flow-down of FAR 52.222-50 to all tiers, annual certifications, unannounced audits, termination on violation.",
    };

    public static async Task<JsonElement> SendAsync(HttpClient client, HttpMethod method, string url, object? body, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{method} {url}: expected {(int)expected}, got {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement;
    }

    public static Task<JsonElement> PostAsync(HttpClient client, string url, object? body, HttpStatusCode expected = HttpStatusCode.Created) =>
        SendAsync(client, HttpMethod.Post, url, body, expected);

    /// <summary>A rule violation answered as ProblemDetails naming the field and the code.</summary>
    public static void AssertViolation(JsonElement problem, string field, string code) =>
        Assert.Contains(problem.GetProperty("violations").EnumerateArray(), v => v.GetProperty("field").GetString() == field && v.GetProperty("code").GetString() == code);

    /// <summary>A contract needing the plan, the plan, and a signed and submitted FAR certification; returns the attestation id.</summary>
    public static async Task<(Guid ContractId, Guid AttestationId)> SubmittedCertificationAsync(TestOrganization org, string number, string agency)
    {
        using var admin = org.Admin();
        var contract = (await PostAsync(admin, "/api/v1/contracts", ContractBody(number, agency))).GetProperty("id").GetGuid();
        await SendAsync(admin, HttpMethod.Put, "/api/v1/compliance-plan", PlanBody(), HttpStatusCode.OK);
        var created = await PostAsync(admin, "/api/v1/attestations", new { kind = "FarCertification", contractId = contract });
        var id = created.GetProperty("id").GetGuid();
        await PostAsync(admin, $"/api/v1/attestations/{id}/sign", new { signerName = "Pat Lee", signerTitle = "Chief Executive Officer", signedOn = Today, statementVersion = created.GetProperty("statementVersion").GetString() }, HttpStatusCode.OK);
        await PostAsync(admin, $"/api/v1/attestations/{id}/submit", null, HttpStatusCode.OK);
        return (contract, id);
    }

    /// <summary>An officer account bound to an agency, made as the platform operator's command does, and signed in through the login page.</summary>
    public static async Task<HttpClient> OfficerAsync(ComplianceApp app, string email, string agency)
    {
        string password;
        using (var scope = app.Services.CreateScope())
        {
            var created = await ContractingOfficerAccounts.AddAsync(email, agency, scope.ServiceProvider.GetRequiredService<ComplianceDbContext>(),
                scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(), TimeProvider.System, CancellationToken.None);
            password = created.Password!;
        }
        return await TestOrganization.SignInAsync(app, email, password);
    }
}
