using System.Net.Http.Json;
using System.Text.Json;
using Compliance.Tests.Fixtures;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Compliance.Tests.Integration;

public sealed class AuditTrailTests
{
    [Theory]
    [MemberData(nameof(ComplianceApp.Providers), MemberType = typeof(ComplianceApp))]
    public async Task Every_change_is_recorded_with_before_and_after(DatabaseProvider provider)
    {
        await using var app = await ComplianceApp.StartAsync(provider);
        var org = await app.SignUpAsync("Alpha Apparel");
        var id = await org.CreateSupplierAsync("A-1", "Alpha Knitting Mill");
        using var admin = org.Admin();
        (await admin.PutAsJsonAsync($"/api/v1/suppliers/{id}", new
        {
            externalReference = "A-1", name = "Alpha Knitting Mill Ltd.", country = "CN",
            products = new[] { new { name = "Printed circuit assemblies", hsCode = "8534" } },
        })).EnsureSuccessStatusCode();
        // A product added to the supplier being edited is a new row, not an update of one.
        (await admin.PutAsJsonAsync($"/api/v1/suppliers/{id}", new
        {
            externalReference = "A-1", name = "Alpha Knitting Mill Ltd.", country = "CN",
            products = new[] { new { name = "Printed circuit assemblies", hsCode = "8534" }, new { name = "Lithium-ion cells", hsCode = "8507" } },
        })).EnsureSuccessStatusCode();
        var products = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/suppliers/{id}")).GetProperty("products").EnumerateArray();
        Assert.Equal(["Lithium-ion cells", "Printed circuit assemblies"], products.Select(p => p.GetProperty("name").GetString()).Order(StringComparer.Ordinal));
        (await admin.DeleteAsync($"/api/v1/suppliers/{id}")).EnsureSuccessStatusCode();

        var events = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/audit-events?entityType=Supplier&entityId={id}");
        var items = events.GetProperty("items").EnumerateArray().Reverse().ToList();
        Assert.Equal(["Created", "Updated", "Updated", "Deleted"], items.Select(e => e.GetProperty("action").GetString()));
        var update = items[1];
        Assert.Equal("token:Initial admin token", update.GetProperty("actor").GetString());
        // Only what changed: the name (and the update time), not the unchanged products or country.
        var before = JsonDocument.Parse(update.GetProperty("before").GetString()!).RootElement;
        var after = JsonDocument.Parse(update.GetProperty("after").GetString()!).RootElement;
        Assert.Equal("Alpha Knitting Mill", before.GetProperty("Name").GetString());
        Assert.Equal("Alpha Knitting Mill Ltd.", after.GetProperty("Name").GetString());
        Assert.Equal(["Name", "UpdatedAt"], after.EnumerateObject().Select(p => p.Name));

        var verify = await admin.GetFromJsonAsync<JsonElement>("/api/v1/audit-events/verify");
        Assert.True(verify.GetProperty("intact").GetBoolean());
    }

    [Theory]
    [MemberData(nameof(ComplianceApp.Providers), MemberType = typeof(ComplianceApp))]
    public async Task Changing_a_stored_event_in_the_database_is_detected_by_verify(DatabaseProvider provider)
    {
        await using var app = await ComplianceApp.StartAsync(provider);
        var org = await app.SignUpAsync("Alpha Apparel");
        await org.CreateSupplierAsync("A-1", "Alpha Knitting Mill");
        await org.CreateSupplierAsync("A-2", "Alpha Dye House");
        using var admin = org.Admin();
        var intact = await admin.GetFromJsonAsync<JsonElement>("/api/v1/audit-events/verify");
        Assert.True(intact.GetProperty("intact").GetBoolean());
        var checkedEvents = intact.GetProperty("eventsChecked").GetInt64();

        // Someone with database access rewrites history: the supplier was never called that.
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ComplianceDbContext>();
            var changed = await db.Database.ExecuteSqlAsync(
                $"""UPDATE "AuditEvents" SET "After" = REPLACE("After", 'Alpha Knitting Mill', 'Someone Else') WHERE "OrganizationId" = {org.Id} AND "After" LIKE '%Alpha Knitting Mill%'""");
            Assert.Equal(1, changed);
        }

        var broken = await admin.GetFromJsonAsync<JsonElement>("/api/v1/audit-events/verify");
        Assert.False(broken.GetProperty("intact").GetBoolean());
        var sequence = broken.GetProperty("firstBrokenSequence").GetInt64();
        Assert.InRange(sequence, 1, checkedEvents);
        Assert.Contains("changed after it was written", broken.GetProperty("problem").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_a_stored_event_is_detected_by_verify()
    {
        await using var app = new ComplianceApp();
        var org = await app.SignUpAsync("Alpha Apparel");
        await org.CreateSupplierAsync("A-1");
        await org.CreateSupplierAsync("A-2");
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ComplianceDbContext>();
            await db.Database.ExecuteSqlAsync($"""DELETE FROM "AuditEvents" WHERE "OrganizationId" = {org.Id} AND "Sequence" = 2""");
        }
        using var admin = org.Admin();
        var broken = await admin.GetFromJsonAsync<JsonElement>("/api/v1/audit-events/verify");
        Assert.False(broken.GetProperty("intact").GetBoolean());
        Assert.Equal(2, broken.GetProperty("firstBrokenSequence").GetInt64());
    }

    [Fact]
    public async Task The_audit_trail_page_shows_events_and_the_verification()
    {
        await using var app = new ComplianceApp();
        var org = await app.SignUpAsync("Alpha Apparel");
        await org.CreateSupplierAsync("A-1", "Alpha Knitting Mill");
        using var browser = await org.SignedInClientAsync();
        var page = await browser.GetStringAsync("/AuditTrail?verify=true");
        Assert.Contains("Alpha Knitting Mill", page, StringComparison.Ordinal);
        Assert.Contains("The chain is intact", page, StringComparison.Ordinal);
    }
}
