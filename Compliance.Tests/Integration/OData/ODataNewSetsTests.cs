using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Compliance.Domain.Tenancy;
using Compliance.Tests.Fixtures;
using Compliance.Tests.Integration.Grievances;
using static Compliance.Tests.Integration.OData.ODataQueryTests;

namespace Compliance.Tests.Integration.OData;

/// <summary>Screening hits, risk-list entries and the redacted grievance register under /odata.</summary>
public sealed class ODataNewSetsTests
{
    [Fact]
    public async Task Hits_entries_and_grievances_answer_queries_and_grievances_never_show_what_the_reporter_wrote()
    {
        await using var app = new ComplianceApp();
        var alpha = await app.SignUpAsync("Alpha Apparel");
        var beta = await app.SignUpAsync("Beta Foods");
        using var admin = alpha.Admin();
        var supplier = await admin.PostAsJsonAsync("/api/v1/suppliers", new
        {
            externalReference = "C-1", name = "Xinjiang Cotton Mill", country = "CN", products = new[] { new { name = "Raw cotton" } },
        });
        supplier.EnsureSuccessStatusCode();
        var run = await admin.PostAsync("/api/v1/screening/runs", null);
        var runId = (await run.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        for (var i = 0; i < 300; i++)
        {
            var status = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/screening/runs/{runId}")).GetProperty("status").GetString();
            if (status is "Completed" or "Failed") break;
            await Task.Delay(100);
        }
        await GrievanceTests.ReportAsync(alpha, "My passport is kept by the recruiter.", "DocumentsKept", contact: "+1 555 0100");

        using var auditor = await alpha.ClientAsync(nameof(Role.Auditor));
        var hits = await AllRowsAsync(auditor, "/odata/ScreeningHits?$filter=Good eq 'Cotton' and ForcedLabor eq true&$expand=Supplier($select=Name)");
        Assert.NotEmpty(hits);
        Assert.All(hits, h => Assert.Equal("Xinjiang Cotton Mill", h.GetProperty("Supplier").GetProperty("Name").GetString()));

        var entries = await AllRowsAsync(auditor, "/odata/RiskListEntries?$filter=Good eq 'Cotton' and Country eq 'CN' and ChildLabor eq true&$select=Good,Country,ForcedLabor");
        Assert.NotEmpty(entries);

        var grievances = await AllRowsAsync(auditor, "/odata/Grievances?$filter=Category eq 'DocumentsKept'");
        var grievance = Assert.Single(grievances);
        var text = grievance.GetRawText();
        Assert.DoesNotContain("passport", text, StringComparison.Ordinal);
        Assert.DoesNotContain("555", text, StringComparison.Ordinal);
        Assert.False(grievance.TryGetProperty("DescriptionProtected", out _));
        Assert.False(grievance.TryGetProperty("ReceiptCode", out _));
        Assert.False(grievance.TryGetProperty("ReporterGaveContact", out _)); // even whether the reporter can be reached is the handler's to know
        Assert.Equal(HttpStatusCode.BadRequest, (await auditor.GetAsync("/odata/Grievances?$select=DescriptionProtected")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await auditor.GetAsync("/odata/Grievances?$filter=ContactProtected ne null")).StatusCode);

        using var betaReader = await beta.ClientAsync(nameof(Role.Auditor));
        Assert.Empty(await AllRowsAsync(betaReader, "/odata/Grievances"));
        Assert.Empty(await AllRowsAsync(betaReader, "/odata/ScreeningHits"));
        Assert.NotEmpty(await AllRowsAsync(betaReader, "/odata/RiskListEntries?$filter=Good eq 'Cotton'&$top=5")); // platform lists are shared
    }
}
