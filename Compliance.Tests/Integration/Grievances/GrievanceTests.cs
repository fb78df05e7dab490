using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Compliance.Domain.Tenancy;
using Compliance.Tests.Fixtures;
using Compliance.Web.Features.Grievances;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Compliance.Tests.Integration.Grievances;

public sealed class GrievanceTests
{
    private const string Account = "Our supervisor keeps our passports in his office and says we get them back after two years.";

    public static async Task<(string ReceiptCode, string Passphrase)> ReportAsync(TestOrganization org, string description = Account, string category = "DocumentsKept",
        string? contact = null, string language = "es")
    {
        using var anonymous = org.App.Client(handleCookies: false);
        var response = await anonymous.PostAsJsonAsync($"/api/v1/public/{org.Slug}/grievances",
            new { category, description, language, workplace = "Dormitory B, Line 4", contact });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("receiptCode").GetString()!, body.GetProperty("passphrase").GetString()!);
    }

    public static async Task<HttpResponseMessage> FollowUpAsync(TestOrganization org, string receiptCode, string passphrase, string? slug = null)
    {
        using var anonymous = org.App.Client(handleCookies: false);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/public/{slug ?? org.Slug}/grievances/{receiptCode}");
        request.Headers.Add(FollowUpGrievance.PassphraseHeader, passphrase);
        return await anonymous.SendAsync(request);
    }

    private static async Task<Guid> OnlyCaseIdAsync(HttpClient client)
    {
        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/grievances");
        return Assert.Single(list.GetProperty("page").GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid();
    }

    [Theory]
    [MemberData(nameof(ComplianceApp.Providers), MemberType = typeof(ComplianceApp))]
    public async Task A_worker_reports_anonymously_and_exchanges_messages_with_the_handler(DatabaseProvider provider)
    {
        await using var app = await ComplianceApp.StartAsync(provider);
        var org = await app.SignUpAsync("Alpha Apparel");
        var (receipt, passphrase) = await ReportAsync(org);
        Assert.Matches("^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$", receipt);
        Assert.Equal(24, passphrase.Length); // 20 characters in five groups: 100 bits

        var seen = await (await FollowUpAsync(org, receipt.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal), passphrase)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Received", seen.GetProperty("status").GetString());
        Assert.Equal("es", seen.GetProperty("language").GetString());
        Assert.Empty(seen.GetProperty("messages").EnumerateArray());

        using var handler = await org.ClientAsync(nameof(Role.GrievanceHandler));
        var id = await OnlyCaseIdAsync(handler);
        var file = await handler.GetFromJsonAsync<JsonElement>($"/api/v1/grievances/{id}");
        Assert.Equal(Account, file.GetProperty("content").GetProperty("description").GetString());
        Assert.Equal("Dormitory B, Line 4", file.GetProperty("content").GetProperty("workplace").GetString());
        Assert.Equal(JsonValueKind.Null, file.GetProperty("content").GetProperty("contact").ValueKind);

        Assert.Equal(HttpStatusCode.Created, (await handler.PostAsJsonAsync($"/api/v1/grievances/{id}/messages", new { body = "Gracias. ¿En qué fábrica trabaja usted?" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await handler.PostAsJsonAsync($"/api/v1/grievances/{id}/messages", new { body = "Call the factory HR lead.", @internal = true })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await handler.PostAsJsonAsync($"/api/v1/grievances/{id}/status", new { status = "Acknowledged" })).StatusCode);

        using (var anonymous = app.Client(handleCookies: false))
        {
            using var reply = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/public/{org.Slug}/grievances/{receipt}/messages") { Content = JsonContent.Create(new { message = "Fábrica 2, Dongguan." }) };
            reply.Headers.Add(FollowUpGrievance.PassphraseHeader, passphrase);
            Assert.Equal(HttpStatusCode.Created, (await anonymous.SendAsync(reply)).StatusCode);
        }
        seen = await (await FollowUpAsync(org, receipt, passphrase)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Acknowledged", seen.GetProperty("status").GetString());
        var messages = seen.GetProperty("messages").EnumerateArray().Select(m => (m.GetProperty("from").GetString(), m.GetProperty("body").GetString())).ToList();
        Assert.Equal([("Handler", "Gracias. ¿En qué fábrica trabaja usted?"), ("Reporter", "Fábrica 2, Dongguan.")], messages); // the internal note stays internal

        file = await handler.GetFromJsonAsync<JsonElement>($"/api/v1/grievances/{id}");
        Assert.Equal(3, file.GetProperty("content").GetProperty("messages").GetArrayLength());
        Assert.Equal("Acknowledged", file.GetProperty("summary").GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_wrong_passphrase_fails_exactly_like_an_unknown_receipt_code()
    {
        await using var app = new ComplianceApp();
        var org = await app.SignUpAsync("Alpha Apparel");
        var (receipt, passphrase) = await ReportAsync(org);

        var wrong = await FollowUpAsync(org, receipt, "AAAA-BBBB-CCCC-DDDD-EEEE");
        var unknown = await FollowUpAsync(org, "ZZZZ-ZZZZ-ZZZZ", passphrase);
        var missing = await FollowUpAsync(org, receipt, "");
        var otherSlug = await FollowUpAsync(org, receipt, passphrase, slug: "no-such-organization");
        var bodies = new List<string>();
        foreach (var response in new[] { wrong, unknown, missing, otherSlug })
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            bodies.Add($"{problem.GetProperty("title").GetString()}|{problem.GetProperty("detail").GetString()}");
        }
        Assert.Single(bodies.Distinct());
        Assert.Equal(HttpStatusCode.OK, (await FollowUpAsync(org, receipt, passphrase)).StatusCode);
    }

    [Fact]
    public async Task Only_the_grievance_handler_reads_content_and_acts_on_a_case()
    {
        await using var app = new ComplianceApp();
        var org = await app.SignUpAsync("Alpha Apparel");
        await ReportAsync(org, contact: "+84 90 123 4567 (WhatsApp)");
        using var handler = await org.ClientAsync(nameof(Role.GrievanceHandler));
        var id = await OnlyCaseIdAsync(handler);

        foreach (var role in new[] { nameof(Role.Admin), nameof(Role.ComplianceOfficer), nameof(Role.Auditor) })
        {
            using var member = await org.ClientAsync(role);
            var list = await member.GetFromJsonAsync<JsonElement>("/api/v1/grievances");
            Assert.Equal(1, list.GetProperty("figures").GetProperty("total").GetInt32());
            Assert.Equal(1, list.GetProperty("figures").GetProperty("byCategory").GetProperty("DocumentsKept").GetInt32());
            var redacted = await member.GetAsync($"/api/v1/grievances/{id}");
            var text = await redacted.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, redacted.StatusCode);
            Assert.DoesNotContain("passports", text, StringComparison.Ordinal);
            Assert.DoesNotContain("WhatsApp", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Dormitory", text, StringComparison.Ordinal);
            Assert.Equal(JsonValueKind.Null, JsonDocument.Parse(text).RootElement.GetProperty("content").ValueKind);
            Assert.Equal("DocumentsKept", JsonDocument.Parse(text).RootElement.GetProperty("summary").GetProperty("category").GetString());

            Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsJsonAsync($"/api/v1/grievances/{id}/messages", new { body = "hello" })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsJsonAsync($"/api/v1/grievances/{id}/status", new { status = "Acknowledged" })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await member.PutAsJsonAsync($"/api/v1/grievances/{id}/triage", new { retaliationWatch = false, credibleInformation = false })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsJsonAsync("/api/v1/grievances", new { channel = "Hotline", category = "Other", description = "x" })).StatusCode);
        }
        var file = await handler.GetFromJsonAsync<JsonElement>($"/api/v1/grievances/{id}");
        Assert.Equal("+84 90 123 4567 (WhatsApp)", file.GetProperty("content").GetProperty("contact").GetString());

        // Deadlines: every member reads them, only an Admin sets them.
        using var officer = await org.ClientAsync(nameof(Role.ComplianceOfficer));
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PutAsJsonAsync("/api/v1/settings/grievance-sla", new { acknowledgeDays = 3, outcomeDays = 30 })).StatusCode);
        using var admin = org.Admin();
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/v1/settings/grievance-sla", new { acknowledgeDays = 3, outcomeDays = 30 })).StatusCode);
        var bad = await admin.PutAsJsonAsync("/api/v1/settings/grievance-sla", new { acknowledgeDays = 40, outcomeDays = 30 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("acknowledgeDays", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var sla = await officer.GetFromJsonAsync<JsonElement>("/api/v1/settings/grievance-sla");
        Assert.Equal(3, sla.GetProperty("acknowledgeDays").GetInt32());
    }

    [Fact]
    public async Task What_the_reporter_wrote_is_not_stored_in_plain_text_and_survives_a_restart()
    {
        var dataPath = Directory.CreateTempSubdirectory("compliance-grievance-keys-").FullName;
        try
        {
            var settings = new Dictionary<string, string?> { ["Compliance:DataPath"] = dataPath };
            string slug;
            await using (var first = new ComplianceApp(extra: settings))
            {
                var org = await first.SignUpAsync("Alpha Apparel");
                slug = org.Slug;
                var (receipt, passphrase) = await ReportAsync(org, contact: "mai.nguyen@example.org");
                using var handler = await org.ClientAsync(nameof(Role.GrievanceHandler));
                var id = await OnlyCaseIdAsync(handler);
                await handler.PostAsJsonAsync($"/api/v1/grievances/{id}/messages", new { body = "We have opened an investigation into Line 4." });

                // Every text column of every table, as the database holds it.
                var raw = await AllStoredTextAsync(first);
                Assert.DoesNotContain("passports", raw, StringComparison.Ordinal);
                Assert.DoesNotContain("mai.nguyen", raw, StringComparison.Ordinal);
                Assert.DoesNotContain("Dormitory", raw, StringComparison.Ordinal);
                Assert.DoesNotContain("investigation into Line 4", raw, StringComparison.Ordinal);
                Assert.DoesNotContain(passphrase, raw, StringComparison.Ordinal);
                Assert.Contains(receipt, raw, StringComparison.Ordinal);
            }

            // A new process on the same data folder reads it: the keys were persisted, not held in memory.
            await using var second = new ComplianceApp(extra: settings);
            using var admin = second.Client(handleCookies: false);
            var signIn = await second.CreateClient().PostAsJsonAsync("/api/v1/signup", new { organizationName = "Beta Foods", adminEmail = "b@beta.test", password = TestOrganization.Password });
            Assert.Equal(HttpStatusCode.Created, signIn.StatusCode);
            using var scope = second.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<ComplianceDbContext>();
            var organizationId = await db.Organizations.Where(o => o.Slug == slug).Select(o => o.Id).SingleAsync();
            db.Tenant.Use(organizationId);
            var grievance = await db.Grievances.SingleAsync();
            var protector = scope.ServiceProvider.GetRequiredService<GrievanceProtector>();
            Assert.Equal(Account, protector.Unprotect(organizationId, grievance.DescriptionProtected));
            Assert.Equal("mai.nguyen@example.org", protector.Unprotect(organizationId, grievance.ContactProtected!));
            // Another organization's purpose cannot open it.
            Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => protector.Unprotect(Guid.NewGuid(), grievance.DescriptionProtected));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dataPath, recursive: true);
        }
    }

    [Fact]
    public async Task No_client_address_or_user_agent_is_stored_or_logged()
    {
        var logs = new CapturedLogs();
        await using var app = new ComplianceApp(extra: new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Trace" })
        {
            TestServices = s => s.AddSingleton<ILoggerProvider>(logs),
        };
        var baseAddress = app.StartKestrel();
        var org = await app.SignUpAsync("Alpha Apparel");

        // As behind a load balancer: the client's address arrives in X-Forwarded-For (the app trusts loopback proxies).
        const string clientAddress = "203.0.113.77";
        const string userAgent = "Mozilla/5.0 (Linux; Android 14; Worker-Phone-7731) Mobile";
        using var http = new HttpClient { BaseAddress = baseAddress };
        http.DefaultRequestHeaders.Add("X-Forwarded-For", clientAddress);
        http.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        var submitted = await http.PostAsJsonAsync($"/api/v1/public/{org.Slug}/grievances", new { category = "WagesWithheld", description = "Three months unpaid.", language = "hi" });
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var receipt = await submitted.Content.ReadFromJsonAsync<JsonElement>();
        using var follow = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/public/{org.Slug}/grievances/{receipt.GetProperty("receiptCode").GetString()}");
        follow.Headers.Add(FollowUpGrievance.PassphraseHeader, receipt.GetProperty("passphrase").GetString());
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(follow)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"/report/{org.Slug}")).StatusCode);

        var raw = await AllStoredTextAsync(app);
        Assert.DoesNotContain(clientAddress, raw, StringComparison.Ordinal);
        Assert.DoesNotContain("Worker-Phone-7731", raw, StringComparison.Ordinal);
        Assert.NotEmpty(logs.Lines);
        var logged = string.Join('\n', logs.Lines);
        Assert.Contains("/api/v1/public/", logged, StringComparison.Ordinal); // the capture saw the requests
        Assert.DoesNotContain(clientAddress, logged, StringComparison.Ordinal);
        Assert.DoesNotContain("Worker-Phone-7731", logged, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Intake_and_receipt_look_ups_are_rate_limited_per_client()
    {
        await using var app = new ComplianceApp(extra: new Dictionary<string, string?>
        {
            ["RateLimits:GrievanceIntakePerHour"] = "2",
            ["RateLimits:GrievanceFollowUpPerMinute"] = "3",
        });
        var org = await app.SignUpAsync("Alpha Apparel");
        var (receipt, _) = await ReportAsync(org);
        await ReportAsync(org);
        using var anonymous = app.Client(handleCookies: false);
        var third = await anonymous.PostAsJsonAsync($"/api/v1/public/{org.Slug}/grievances", new { category = "Other", description = "flood" });
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Equal("application/problem+json", third.Content.Headers.ContentType?.MediaType);
        // Reading the form is never refused.
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/report/{org.Slug}")).StatusCode);

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++) answers.Add((await FollowUpAsync(org, receipt, $"GUES-SNUM-BER{i}-XXXX-XXXX")).StatusCode);
        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests], answers);
    }

    [Fact]
    public async Task Bad_reports_are_400s_naming_the_field_and_store_nothing()
    {
        await using var app = new ComplianceApp();
        var org = await app.SignUpAsync("Alpha Apparel");
        using var anonymous = app.Client(handleCookies: false);
        async Task AssertRuleAsync(object body, string field, string code)
        {
            var response = await anonymous.PostAsJsonAsync($"/api/v1/public/{org.Slug}/grievances", body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Contains(problem.GetProperty("violations").EnumerateArray(), v => v.GetProperty("field").GetString() == field && v.GetProperty("code").GetString() == code);
        }
        await AssertRuleAsync(new { description = "x" }, "category", "required");
        await AssertRuleAsync(new { category = "Bribery", description = "x" }, "category", "unknown");
        await AssertRuleAsync(new { category = "Other", description = "   " }, "description", "required");
        await AssertRuleAsync(new { category = "Other", description = new string('x', GrievanceText.MaxDescription + 1) }, "description", "too_long");
        await AssertRuleAsync(new { category = "Other", description = "x", contact = new string('9', GrievanceText.MaxContact + 1) }, "contact", "too_long");
        await AssertRuleAsync(new { category = "Other", description = "a\u0000b" }, "description", "control_characters");
        await AssertRuleAsync(new { category = "Other", description = "x", language = "not a language!" }, "language", "unknown");
        var notJson = await anonymous.PostAsync($"/api/v1/public/{org.Slug}/grievances", new StringContent("{\"category\":", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.PostAsJsonAsync("/api/v1/public/no-such-org/grievances", new { category = "Other", description = "x" })).StatusCode);

        using var handler = await org.ClientAsync(nameof(Role.GrievanceHandler));
        Assert.Equal(0, (await handler.GetFromJsonAsync<JsonElement>("/api/v1/grievances")).GetProperty("figures").GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_case_follows_the_flow_and_a_substantiated_grievance_raises_the_linked_suppliers_risk()
    {
        await using var app = new ComplianceApp();
        var org = await app.SignUpAsync("Alpha Apparel");
        var supplier = await org.CreateSupplierAsync("V-1", "Dongguan Bright Garments Co., Ltd.");
        await ReportAsync(org);
        using var handler = await org.ClientAsync(nameof(Role.GrievanceHandler));
        var id = await OnlyCaseIdAsync(handler);
        using var admin = org.Admin();
        var before = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/suppliers/{supplier}/risk");

        var early = await handler.PutAsJsonAsync($"/api/v1/grievances/{id}/triage", new { supplierId = supplier, retaliationWatch = false, credibleInformation = true });
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode); // not investigated yet
        var noDate = await handler.PutAsJsonAsync($"/api/v1/grievances/{id}/triage", new { supplierId = supplier, retaliationWatch = true, credibleInformation = false });
        Assert.Contains("retaliationFollowUpOn", await noDate.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var otherOrg = await app.SignUpAsync("Beta Foods");
        var foreignSupplier = await otherOrg.CreateSupplierAsync("B-1", "Beta Supplier");
        var foreign = await handler.PutAsJsonAsync($"/api/v1/grievances/{id}/triage", new { supplierId = foreignSupplier, retaliationWatch = false, credibleInformation = false });
        Assert.Contains("not_found", await foreign.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var followUpOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(14);
        Assert.Equal(HttpStatusCode.OK, (await handler.PutAsJsonAsync($"/api/v1/grievances/{id}/triage",
            new { supplierId = supplier, assignedTo = "Lan Pham", retaliationWatch = true, retaliationFollowUpOn = followUpOn, credibleInformation = false })).StatusCode);

        Assert.Equal(HttpStatusCode.Conflict, (await handler.PostAsJsonAsync($"/api/v1/grievances/{id}/status", new { status = "Substantiated" })).StatusCode);
        var closeWithoutNote = await handler.PostAsJsonAsync($"/api/v1/grievances/{id}/status", new { status = "Closed" });
        Assert.Equal(HttpStatusCode.BadRequest, closeWithoutNote.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await handler.PostAsJsonAsync($"/api/v1/grievances/{id}/status", new { status = "Investigating" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await handler.PostAsJsonAsync($"/api/v1/grievances/{id}/status", new { status = "Substantiated" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await handler.PutAsJsonAsync($"/api/v1/grievances/{id}/triage",
            new { supplierId = supplier, assignedTo = "Lan Pham", retaliationWatch = true, retaliationFollowUpOn = followUpOn, credibleInformation = true })).StatusCode);

        var after = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/suppliers/{supplier}/risk");
        var part = Assert.Single(after.GetProperty("parts").EnumerateArray(), p => p.GetProperty("kind").GetString() == "substantiated-grievances");
        Assert.Equal(GrievanceRisk.SubstantiatedPoints, part.GetProperty("points").GetDouble());
        Assert.True(after.GetProperty("score").GetDouble() > before.GetProperty("score").GetDouble());

        var list = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/grievances?supplierId={supplier}");
        var row = Assert.Single(list.GetProperty("page").GetProperty("items").EnumerateArray());
        Assert.Equal("Dongguan Bright Garments Co., Ltd.", row.GetProperty("supplierName").GetString());
        Assert.Equal("Met", row.GetProperty("sla").GetString());

        Assert.Equal(HttpStatusCode.OK, (await handler.PostAsJsonAsync($"/api/v1/grievances/{id}/status", new { status = "Remediated" })).StatusCode);
        var remediated = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/suppliers/{supplier}/risk");
        Assert.Contains(remediated.GetProperty("parts").EnumerateArray(), p => p.GetProperty("kind").GetString() == "remediated-grievances");

        var history = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/audit-events?entityType=Grievance&entityId={id}");
        Assert.True(history.GetProperty("totalCount").GetInt32() >= 5);
        Assert.DoesNotContain("Protected", history.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("PassphraseHash", history.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sla_watch_flags_breaches_once_and_raises_notices_without_content()
    {
        var clock = new ShiftedClock();
        await using var app = new ComplianceApp { TestServices = s => s.AddSingleton<TimeProvider>(clock) };
        var org = await app.SignUpAsync("Alpha Apparel");
        await ReportAsync(org);
        await ReportAsync(org, "Second report", "WagesWithheld");
        using var handler = await org.ClientAsync(nameof(Role.GrievanceHandler));
        var list = await handler.GetFromJsonAsync<JsonElement>("/api/v1/grievances");
        var ids = list.GetProperty("page").GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
        await handler.PostAsJsonAsync($"/api/v1/grievances/{ids[0]}/status", new { status = "Acknowledged" });

        clock.Offset = TimeSpan.FromDays(8); // past the 7-day acknowledgement deadline
        await RunWatchAsync(app, org.Id, clock);
        await RunWatchAsync(app, org.Id, clock); // a second run (or instance) raises nothing twice

        using var admin = org.Admin();
        var notices = await admin.GetFromJsonAsync<JsonElement>("/api/v1/notifications");
        var breaches = notices.GetProperty("items").EnumerateArray().Where(n => n.GetProperty("kind").GetString() == "GrievanceSlaBreached").ToList();
        var breach = Assert.Single(breaches);
        Assert.Contains("Not acknowledged", breach.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Second report", notices.GetRawText(), StringComparison.Ordinal);
        var breached = await admin.GetFromJsonAsync<JsonElement>("/api/v1/grievances?breached=true");
        Assert.Equal(ids[1], Assert.Single(breached.GetProperty("page").GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        Assert.Equal(1, breached.GetProperty("figures").GetProperty("breached").GetInt32());

        clock.Offset = TimeSpan.FromDays(91); // both past the 90-day outcome deadline
        await RunWatchAsync(app, org.Id, clock);
        notices = await admin.GetFromJsonAsync<JsonElement>("/api/v1/notifications");
        Assert.Equal(3, notices.GetProperty("items").EnumerateArray().Count(n => n.GetProperty("kind").GetString() == "GrievanceSlaBreached"));
    }

    private static async Task RunWatchAsync(ComplianceApp app, Guid organizationId, TimeProvider clock)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplianceDbContext>();
        db.Tenant.Use(organizationId);
        await new GrievanceSlaWatch().RunForTenantAsync(db, clock, CancellationToken.None);
    }

    [Fact]
    public async Task One_organization_never_sees_or_reaches_anothers_grievances()
    {
        await using var app = new ComplianceApp();
        var alpha = await app.SignUpAsync("Alpha Apparel");
        var beta = await app.SignUpAsync("Beta Foods");
        var (receipt, passphrase) = await ReportAsync(alpha);
        using var alphaHandler = await alpha.ClientAsync(nameof(Role.GrievanceHandler));
        var id = await OnlyCaseIdAsync(alphaHandler);

        using var betaHandler = await beta.ClientAsync(nameof(Role.GrievanceHandler));
        Assert.Equal(0, (await betaHandler.GetFromJsonAsync<JsonElement>("/api/v1/grievances")).GetProperty("page").GetProperty("totalCount").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await betaHandler.GetAsync($"/api/v1/grievances/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await betaHandler.PostAsJsonAsync($"/api/v1/grievances/{id}/messages", new { body = "hi" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await betaHandler.PostAsJsonAsync($"/api/v1/grievances/{id}/status", new { status = "Acknowledged" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await betaHandler.PutAsJsonAsync($"/api/v1/grievances/{id}/triage", new { retaliationWatch = false, credibleInformation = false })).StatusCode);
        // The receipt works only at the organization that issued it.
        Assert.Equal(HttpStatusCode.NotFound, (await FollowUpAsync(alpha, receipt, passphrase, slug: beta.Slug)).StatusCode);
        await MembershipsFixture.AddMembershipAsync(app, beta.Id, beta.AdminEmail, Role.GrievanceHandler);
        using var betaBrowser = await beta.SignedInClientAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await betaBrowser.GetAsync($"/Grievances/Details/{id}")).StatusCode);
    }

    private static async Task<string> AllStoredTextAsync(ComplianceApp app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplianceDbContext>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        var text = new System.Text.StringBuilder();
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                for (var i = 0; i < reader.FieldCount; i++)
                    text.Append(reader.IsDBNull(i) ? "" : reader.GetValue(i) is byte[] bytes ? System.Text.Encoding.UTF8.GetString(bytes) : reader.GetValue(i).ToString()).Append('\t');
        }
        return text.ToString();
    }
}
