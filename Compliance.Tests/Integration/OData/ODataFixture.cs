using System.Net.Http.Json;
using System.Text.Json;
using Compliance.Domain.Audits;
using Compliance.Tests.Fixtures;
using Compliance.Web.Infrastructure.Persistence;
using Compliance.Web.Infrastructure.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using static Compliance.Tests.Integration.Audits.AuditApiTests;

namespace Compliance.Tests.Integration.OData;

/// <summary>
/// One app per provider, seeded once through the API with two organizations, shared by the read-only OData tests.
/// The page size is 3 so that paging shows on a handful of rows.
/// </summary>
public sealed class ODataFixture : IAsyncLifetime
{
    public static readonly DateOnly AuditEnd = new(2026, 3, 14);
    private readonly Dictionary<DatabaseProvider, Task<Seeded>> apps = [];
    private readonly Lock gate = new();

    public sealed record Seeded(ComplianceApp App, TestOrganization Alpha, TestOrganization Beta, HttpClient AlphaReader, HttpClient BetaReader,
        Dictionary<string, Guid> Suppliers, Guid AuditId, Guid FindingId, Guid ActionId, Guid BetaSupplierId, Guid BetaAuditId);

    public Task<Seeded> ForAsync(DatabaseProvider provider)
    {
        lock (gate)
        {
            if (!apps.TryGetValue(provider, out var app)) apps[provider] = app = SeedAsync(provider);
            return app;
        }
    }

    private static async Task<Seeded> SeedAsync(DatabaseProvider provider)
    {
        var app = await ComplianceApp.StartAsync(provider, new Dictionary<string, string?> { ["OData:PageSize"] = "3", ["OData:MaxTop"] = "50" });
        var alpha = await app.SignUpAsync("Alpha Apparel");
        var beta = await app.SignUpAsync("Beta Beverages");
        using var admin = alpha.Admin();
        var ids = new Dictionary<string, Guid>();
        foreach (var (reference, name, country, tier, address, products) in new (string, string, string, int, string?, object[])[]
        {
            ("A-1", "Alpha Knitting Mill", "CN", 1, "12 Mill Road, Wuxi", [new { name = "Cotton yarn", hsCode = "5205", originCountry = "CN" }]),
            ("A-2", "Ärzte Textil GmbH", "DE", 2, null, [new { name = "Woven labels", hsCode = "5807" }]),
            ("A-3", "beta cotton co", "IN", 3, "Tiruppur", [new { name = "Raw cotton", hsCode = "5201" }, new { name = "Cotton yarn", hsCode = "5205" }]),
            ("A-4", "Gamma Toys Ltd", "CN", 2, "Dongguan", []),
            ("A-5", "Delta Tools", "VN", 1, null, []),
            ("A-6", "BETA Brands", "VN", 2, "Hanoi", []),
        })
        {
            var created = await PostAsync(admin, "/api/v1/suppliers", new { externalReference = reference, name, country, tier, address, products });
            ids[name] = created.GetProperty("id").GetGuid();
        }
        var audit = await PostAsync(admin, "/api/v1/audits", AuditBody(ids["Alpha Knitting Mill"], AuditEnd));
        var auditId = audit.GetProperty("id").GetGuid();
        await PostAsync(admin, "/api/v1/audits", new
        {
            supplierId = ids["Gamma Toys Ltd"], scheme = "AmforiBsci", type = "Initial", announcement = "Announced", isIndependent = false,
            startDate = new DateOnly(2025, 11, 3), endDate = new DateOnly(2025, 11, 4),
        });
        var finding = await PostAsync(admin, $"/api/v1/audits/{auditId}/findings", new
        {
            iloIndicator = "RetentionOfIdentityDocuments", severity = "ZeroTolerance", description = "Passports of 14 migrant workers kept in the HR office safe.",
        });
        var findingId = finding.GetProperty("id").GetGuid();
        await PostAsync(admin, $"/api/v1/audits/{auditId}/findings", new { iloIndicator = "ExcessiveOvertime", severity = "Minor", description = "Overtime above 60 hours in peak weeks." });
        var action = await PostAsync(admin, $"/api/v1/findings/{findingId}/actions", new { description = "Return all passports.", owner = "Factory HR manager" });

        using var betaAdmin = beta.Admin();
        var betaSupplier = (await PostAsync(betaAdmin, "/api/v1/suppliers", new { externalReference = "B-1", name = "Secret Bottling Partner", country = "CN", tier = 1 })).GetProperty("id").GetGuid();
        var betaAudit = (await PostAsync(betaAdmin, "/api/v1/audits", AuditBody(betaSupplier, AuditEnd))).GetProperty("id").GetGuid();

        return new Seeded(app, alpha, beta, await alpha.ClientAsync("Auditor"), await beta.ClientAsync("Auditor"), ids, auditId, findingId,
            action.GetProperty("id").GetGuid(), betaSupplier, betaAudit);
    }

    /// <summary>
    /// Plants a row of Beta that points at Alpha's supplier, as a bug or a crafted import might: the tenant filter must
    /// still keep Alpha's supplier out of Beta's $expand and navigation filters.
    /// </summary>
    public static async Task<Guid> PlantCrossTenantAuditAsync(Seeded s)
    {
        await using var scope = s.App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Use(s.Beta.Id);
        var db = scope.ServiceProvider.GetRequiredService<ComplianceDbContext>();
        var audit = new Audit
        {
            SupplierId = s.Suppliers["Alpha Knitting Mill"], Scheme = AuditScheme.Other, StartDate = new DateOnly(2026, 1, 1), EndDate = new DateOnly(2026, 1, 2),
            CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow, Summary = "planted",
        };
        db.Audits.Add(audit);
        await db.SaveChangesAsync();
        return audit.Id;
    }

    public static async Task<JsonElement> GetJsonAsync(HttpClient client, string url, System.Net.HttpStatusCode expected = System.Net.HttpStatusCode.OK)
    {
        var response = await client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{url}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var app in apps.Values)
        {
            var seeded = await app;
            seeded.AlphaReader.Dispose();
            seeded.BetaReader.Dispose();
            await seeded.App.DisposeAsync();
        }
    }
}
