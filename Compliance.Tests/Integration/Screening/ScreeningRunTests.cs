using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Compliance.Tests.Fixtures;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;
using static Compliance.Tests.Integration.Screening.ScreeningApi;

namespace Compliance.Tests.Integration.Screening;

public sealed class ScreeningRunTests
{
    [Theory]
    [MemberData(nameof(ComplianceApp.Providers), MemberType = typeof(ComplianceApp))]
    public async Task A_supplier_saved_by_hand_is_screened_at_once_and_again_when_its_products_change(DatabaseProvider provider)
    {
        var logs = new CapturedLogs();
        await using var app = new ComplianceApp(provider, provider == DatabaseProvider.Postgres ? await (await PostgresServer.InstanceAsync()).CreateDatabaseAsync() : null)
        {
            TestServices = s => s.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(logs),
        };
        var org = await app.SignUpAsync("Alpha Apparel");
        using var admin = org.Admin();
        var startUp = logs.Lines.Count; // the first migration's probe of an empty database logs an error of its own
        var cotton = await SupplierAsync(admin, "C-1", "Kashgar Textile Trading", "CN", new { name = "Cotton yarn" });

        // No run was asked for: the save recorded one for this supplier, and its hits are in the review queue.
        var hits = (await HitsAsync(admin, $"&supplierId={cotton}")).Where(h => h.GetProperty("good").GetString() == "Cotton").ToList();
        Assert.NotEmpty(hits);
        var runs = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/screening/runs")).EnumerateArray().ToList();
        var saved = Assert.Single(runs, r => r.GetProperty("trigger").GetString() == "SupplierSaved");
        Assert.Equal(1, saved.GetProperty("suppliersScreened").GetInt32());
        Assert.Contains(saved.GetProperty("editions").EnumerateArray(), e => e.GetString() == "DOL TVPRA List of Goods 2022");
        Assert.Contains((await admin.GetFromJsonAsync<JsonElement>("/api/v1/notifications")).GetProperty("items").EnumerateArray(),
            n => n.GetProperty("kind").GetString() == "ScreeningHit");

        // The supplier now buys Australian wool only: the cotton hits close at the save, kept as history.
        var update = await admin.PutAsJsonAsync($"/api/v1/suppliers/{cotton}",
            new { externalReference = "C-1", name = "Kashgar Textile Trading", country = "CN", products = new[] { new { name = "Wool", originCountry = "AU" } } });
        Assert.True(update.IsSuccessStatusCode, await update.Content.ReadAsStringAsync());
        Assert.DoesNotContain(await HitsAsync(admin, $"&supplierId={cotton}"), h => h.GetProperty("good").GetString() == "Cotton");
        Assert.Contains(await HitsAsync(admin, $"&supplierId={cotton}&history=true"), h => h.GetProperty("good").GetString() == "Cotton");

        // A later full run finds nothing new about it.
        Assert.Equal(0, (await RunAsync(admin)).GetProperty("newHits").GetInt32());
        Assert.DoesNotContain(logs.Lines.Skip(startUp), l => l.StartsWith("Error", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ComplianceApp.Providers), MemberType = typeof(ComplianceApp))]
    public async Task A_run_records_explained_hits_and_a_decision_survives_the_next_run(DatabaseProvider provider)
    {
        await using var app = await ComplianceApp.StartAsync(provider);
        var org = await app.SignUpAsync("Alpha Apparel");
        using var admin = org.Admin();
        var cotton = await SupplierAsync(admin, "C-1", "Kashgar Textile Trading", "CN", new { name = "Cotton yarn" });
        var cocoa = await SupplierAsync(admin, "K-1", "Abidjan Cocoa Export", "CI", new { name = "Cocoa beans" });
        await SupplierAsync(admin, "A-1", "Riverina Cotton Pty Ltd", "AU", new { name = "Raw cotton" });

        var run = await RunAsync(admin);
        Assert.Equal(3, run.GetProperty("suppliersScreened").GetInt32());
        Assert.Contains(run.GetProperty("editions").EnumerateArray(), e => e.GetString() == "DOL TVPRA List of Goods 2022");

        var hits = await HitsAsync(admin, "&status=open");
        var cottonHit = hits.Single(h => h.GetProperty("supplierId").GetGuid() == cotton && h.GetProperty("good").GetString() == "Cotton" && h.GetProperty("list").GetString()!.Contains("TVPRA", StringComparison.Ordinal));
        // Cotton from China is on the EO 13126 list too: a separate question, with its own hit.
        Assert.Contains(hits, h => h.GetProperty("supplierId").GetGuid() == cotton && h.GetProperty("list").GetString()!.Contains("EO 13126", StringComparison.Ordinal));
        Assert.True(cottonHit.GetProperty("forcedLabor").GetBoolean());
        Assert.Equal("2022", cottonHit.GetProperty("edition").GetString());
        Assert.Contains("Cotton", cottonHit.GetProperty("explanation").GetString(), StringComparison.Ordinal);
        var cocoaHit = hits.First(h => h.GetProperty("supplierId").GetGuid() == cocoa && h.GetProperty("good").GetString() == "Cocoa");
        Assert.True(cocoaHit.GetProperty("forcedChildLabor").GetBoolean());
        Assert.DoesNotContain(hits, h => h.GetProperty("supplierName").GetString() == "Riverina Cotton Pty Ltd" && h.GetProperty("good").GetString() == "Cotton");
        var notices = await admin.GetFromJsonAsync<JsonElement>("/api/v1/notifications");
        var screeningNotices = notices.GetProperty("items").EnumerateArray().Count(n => n.GetProperty("kind").GetString() == "ScreeningHit");
        Assert.Equal(2, screeningNotices);

        // A false positive needs a reason.
        var id = cottonHit.GetProperty("id").GetGuid();
        var noReason = await admin.PostAsJsonAsync($"/api/v1/screening/hits/{id}/decision", new { status = "false-positive" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal("reason", (await noReason.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("violations")[0].GetProperty("field").GetString());
        var badStatus = await admin.PostAsJsonAsync($"/api/v1/screening/hits/{id}/decision", new { status = "maybe" });
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
        var decided = await admin.PostAsJsonAsync($"/api/v1/screening/hits/{id}/decision", new { status = "false-positive", reason = "Buys Australian cotton only; mill certificates on file" });
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        // The decision is a business fact in the audit trail; the hits themselves are derived data.
        var trail = await admin.GetFromJsonAsync<JsonElement>("/api/v1/audit-events?entityType=ScreeningDecision");
        Assert.Contains("Buys Australian cotton only", trail.GetProperty("items")[0].GetProperty("after").GetString(), StringComparison.Ordinal);
        var auditor = await org.ClientAsync("Auditor");
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostAsJsonAsync($"/api/v1/screening/hits/{id}/decision", new { status = "confirmed" })).StatusCode);

        var again = await RunAsync(admin);
        Assert.Equal(0, again.GetProperty("newHits").GetInt32());
        Assert.Equal(0, again.GetProperty("changedHits").GetInt32());
        var kept = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/screening/hits/{id}");
        Assert.Equal("FalsePositive", kept.GetProperty("hit").GetProperty("status").GetString());
        Assert.Null(kept.GetProperty("hit").GetProperty("clearedAt").GetString());
        Assert.Equal("Buys Australian cotton only; mill certificates on file", kept.GetProperty("decisions")[0].GetProperty("reason").GetString());
        var risk = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/suppliers/{cotton}/risk");
        var shown = risk.GetProperty("hits").EnumerateArray().Single(h => h.GetProperty("id").ValueKind == JsonValueKind.String && h.GetProperty("id").GetGuid() == id);
        Assert.Equal("FalsePositive", shown.GetProperty("status").GetString());
        // No new notice: nothing new or changed.
        Assert.Equal(screeningNotices, (await admin.GetFromJsonAsync<JsonElement>("/api/v1/notifications")).GetProperty("items").EnumerateArray().Count(n => n.GetProperty("kind").GetString()!.StartsWith("ScreeningHit", StringComparison.Ordinal)));

        var dashboard = await admin.GetFromJsonAsync<JsonElement>("/api/v1/screening/dashboard");
        Assert.Equal(1, dashboard.GetProperty("falsePositive").GetInt32());
        Assert.Contains(dashboard.GetProperty("byCountry").EnumerateArray(), b => b.GetProperty("key").GetString() == "CI");
        // The dismissed DOL hit no longer counts; the EO 13126 one still does.
        Assert.Equal(1, dashboard.GetProperty("byGood").EnumerateArray().Single(b => b.GetProperty("key").GetString() == "Cotton").GetProperty("hits").GetInt32());
    }

    [Theory]
    [MemberData(nameof(ComplianceApp.Providers), MemberType = typeof(ComplianceApp))]
    public async Task A_changed_list_entry_reopens_a_decided_hit_and_keeps_its_history(DatabaseProvider provider)
    {
        await using var app = await ComplianceApp.StartAsync(provider);
        var org = await app.SignUpAsync("Alpha Apparel");
        using var admin = org.Admin();
        var supplier = await SupplierAsync(admin, "G-1", "Globex Shadow Manufacturing Co., Ltd.", "CN");
        await ImportListAsync(admin, "name,aliases,country\nGlobex Shadow Manufacturing Co,,CN\n", edition: "1");
        await WaitForIdleAsync(admin);
        var hit = Assert.Single(await HitsAsync(admin, $"&supplierId={supplier}"), h => h.GetProperty("list").GetString() == "Internal blocklist");
        var id = hit.GetProperty("id").GetGuid();
        (await admin.PostAsJsonAsync($"/api/v1/screening/hits/{id}/decision", new { status = "confirmed", reason = "Same company, same address" })).EnsureSuccessStatusCode();

        // Edition 2: the entry is unchanged (another entity is added): the decision holds, on the same row.
        await ImportListAsync(admin, "name,aliases,country\nGlobex Shadow Manufacturing Co,,CN\nInitech Sweatshop Ltd,,VN\n", edition: "2");
        await WaitForIdleAsync(admin);
        var same = Assert.Single(await HitsAsync(admin, $"&supplierId={supplier}"), h => h.GetProperty("list").GetString() == "Internal blocklist");
        Assert.Equal(id, same.GetProperty("id").GetGuid());
        Assert.Equal("Confirmed", same.GetProperty("status").GetString());
        Assert.Equal("2", same.GetProperty("edition").GetString());

        // Edition 3: the entry gains an alias: the hit is opened again on a new row; the old row and decision stay.
        await ImportListAsync(admin, "name,aliases,country\nGlobex Shadow Manufacturing Co,Globex Shadow Works,CN\n", edition: "3");
        await WaitForIdleAsync(admin);
        var reopened = Assert.Single(await HitsAsync(admin, $"&supplierId={supplier}"), h => h.GetProperty("list").GetString() == "Internal blocklist");
        Assert.NotEqual(id, reopened.GetProperty("id").GetGuid());
        Assert.Equal("Open", reopened.GetProperty("status").GetString());
        Assert.True(reopened.GetProperty("entryChanged").GetBoolean());
        Assert.Equal(id, reopened.GetProperty("previousHitId").GetGuid());
        var detail = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/screening/hits/{reopened.GetProperty("id").GetGuid()}");
        var old = Assert.Single(detail.GetProperty("decisions").EnumerateArray());
        Assert.Equal("Confirmed", old.GetProperty("status").GetString());
        Assert.False(old.GetProperty("forThisEntry").GetBoolean());
        Assert.Contains(detail.GetProperty("earlier").EnumerateArray(), e => e.GetProperty("id").GetGuid() == id && e.GetProperty("clearedAt").ValueKind == JsonValueKind.String);
        var history = await HitsAsync(admin, $"&supplierId={supplier}&history=true");
        Assert.Equal(2, history.Count(h => h.GetProperty("list").GetString() == "Internal blocklist"));
        var kinds = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/notifications")).GetProperty("items").EnumerateArray().Select(n => n.GetProperty("kind").GetString()).ToList();
        Assert.Contains("ScreeningHitChanged", kinds);

        // Decisions are taken on the current row only.
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync($"/api/v1/screening/hits/{id}/decision", new { status = "mitigated" })).StatusCode);
    }

    [Theory]
    [MemberData(nameof(ComplianceApp.Providers), MemberType = typeof(ComplianceApp))]
    public async Task Another_organizations_runs_and_hits_are_not_found(DatabaseProvider provider)
    {
        await using var app = await ComplianceApp.StartAsync(provider);
        var a = await app.SignUpAsync("Alpha Apparel");
        var b = await app.SignUpAsync("Beta Beverages");
        using var clientA = a.Admin();
        using var clientB = b.Admin();
        await SupplierAsync(clientA, "C-1", "Kashgar Textile Trading", "CN", new { name = "Cotton yarn" });
        var run = await RunAsync(clientA);
        var hit = (await HitsAsync(clientA))[0].GetProperty("id").GetGuid();
        var runId = run.GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.NotFound, (await clientB.GetAsync($"/api/v1/screening/runs/{runId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await clientB.GetAsync($"/api/v1/screening/hits/{hit}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await clientB.PostAsJsonAsync($"/api/v1/screening/hits/{hit}/decision", new { status = "confirmed" })).StatusCode);
        Assert.Empty(await HitsAsync(clientB));
        Assert.Empty((await clientB.GetFromJsonAsync<JsonElement>("/api/v1/screening/runs")).EnumerateArray());
        Assert.Equal(0, (await clientB.GetFromJsonAsync<JsonElement>("/api/v1/screening/dashboard")).GetProperty("open").GetInt32());
    }

    [Fact]
    public async Task A_california_disclosure_states_what_the_runs_of_the_period_screened_and_found()
    {
        await using var app = new ComplianceApp();
        var org = await app.SignUpAsync("Alpha Apparel");
        using var admin = org.Admin();
        await SupplierAsync(admin, "C-1", "Kashgar Textile Trading", "CN", new { name = "Cotton yarn" });
        await SupplierAsync(admin, "K-1", "Abidjan Cocoa Export", "CI", new { name = "Cocoa beans" });
        await SupplierAsync(admin, "A-1", "Riverina Cotton Pty Ltd", "AU", new { name = "Raw cotton" });
        await RunAsync(admin);
        var cocoa = (await HitsAsync(admin)).Where(h => h.GetProperty("good").GetString() == "Cocoa").ToList();
        foreach (var hit in cocoa)
            (await admin.PostAsJsonAsync($"/api/v1/screening/hits/{hit.GetProperty("id").GetGuid()}/decision", new { status = "false-positive", reason = "Ghanaian cocoa only" })).EnsureSuccessStatusCode();

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var created = await admin.PostAsJsonAsync("/api/v1/disclosures", new { kind = "california-tisc", periodStart = today.AddDays(-30), periodEnd = today });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var draft = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/disclosures/{id}");
        var verification = draft.GetProperty("statements").EnumerateArray().Single(s => s.GetProperty("element").GetString() == "Verification");
        string Figure(string label) => verification.GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("label").GetString() == label).GetProperty("value").GetString()!;
        Assert.Equal("3 of 3 (100%)", Figure("Screened in the period"));
        Assert.Equal("1", Figure("With list exposure not ruled out")); // cotton; the cocoa hits were ruled out
        Assert.Contains("DOL TVPRA List of Goods 2022", verification.GetProperty("text").GetString(), StringComparison.Ordinal);

        // The auditor's workbook traces the figures: every hit with its decision, every edition with its SHA-256.
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        using var auditor = await org.ClientAsync("Auditor");
        var book = Exports.EvidenceWorkbookTests.Read(await auditor.GetByteArrayAsync("/api/v1/exports/evidence.xlsx"));
        var hits = book["Screening hits"].Skip(1).ToList();
        Assert.Contains(hits, r => (string?)r[5] == "Cocoa" && (string?)r[14] == "FalsePositive" && (string?)r[17] == "Ghanaian cocoa only");
        Assert.Contains(book["Risk lists"].Skip(1), r => (string?)r[2] == "DOL TVPRA List of Goods" && (string?)r[3] == "2022" && ((string?)r[6])!.Length == 64);
    }

    [Theory]
    [MemberData(nameof(ComplianceApp.Providers), MemberType = typeof(ComplianceApp))]
    public async Task Deleting_a_supplier_takes_its_hits_and_decisions_with_it(DatabaseProvider provider)
    {
        await using var app = await ComplianceApp.StartAsync(provider);
        var org = await app.SignUpAsync("Alpha Apparel");
        using var admin = org.Admin();
        var supplier = await SupplierAsync(admin, "C-1", "Kashgar Textile Trading", "CN", new { name = "Cotton yarn" });
        await RunAsync(admin);
        var hit = (await HitsAsync(admin))[0].GetProperty("id").GetGuid();
        (await admin.PostAsJsonAsync($"/api/v1/screening/hits/{hit}/decision", new { status = "confirmed" })).EnsureSuccessStatusCode();

        Assert.True((await admin.DeleteAsync($"/api/v1/suppliers/{supplier}")).IsSuccessStatusCode);

        Assert.Empty(await HitsAsync(admin, "&history=true"));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/v1/screening/hits/{hit}")).StatusCode);
        Assert.Equal(0, (await RunAsync(admin)).GetProperty("hitsFound").GetInt32());
    }
}
