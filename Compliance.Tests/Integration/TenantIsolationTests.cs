using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Compliance.Tests.Fixtures;
using Compliance.Web.Infrastructure.Persistence;
using Compliance.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Compliance.Tests.Integration;

/// <summary>Two organizations on one database: nothing of A is visible to or changeable by B, by token or by cookie.</summary>
public sealed class TenantIsolationTests
{
    [Theory]
    [MemberData(nameof(ComplianceApp.Providers), MemberType = typeof(ComplianceApp))]
    public async Task Another_organizations_token_cannot_read_list_update_or_delete_a_supplier(DatabaseProvider provider)
    {
        await using var app = await ComplianceApp.StartAsync(provider);
        var a = await app.SignUpAsync("Alpha Apparel");
        var b = await app.SignUpAsync("Beta Beverages");
        var supplierOfA = await a.CreateSupplierAsync("A-1", "Alpha Knitting Mill");
        await b.CreateSupplierAsync("B-1", "Beta Bottling");
        using var clientA = a.Admin();
        var before = await clientA.GetStringAsync($"/api/v1/suppliers/{supplierOfA}");

        using var clientB = b.Admin();
        Assert.Equal(HttpStatusCode.NotFound, (await clientB.GetAsync($"/api/v1/suppliers/{supplierOfA}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await clientB.PutAsJsonAsync($"/api/v1/suppliers/{supplierOfA}",
            new { externalReference = "A-1", name = "Taken over", country = "CN" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await clientB.DeleteAsync($"/api/v1/suppliers/{supplierOfA}")).StatusCode);
        // Pointing one's own supplier at A's supplier as parent is refused too.
        var ownB = await b.CreateSupplierAsync("B-2", "Beta Cans");
        var reparent = await clientB.PutAsJsonAsync($"/api/v1/suppliers/{ownB}", new { externalReference = "B-2", name = "Beta Cans", country = "CN", parentId = supplierOfA });
        Assert.Equal(HttpStatusCode.BadRequest, reparent.StatusCode);

        var listB = await clientB.GetFromJsonAsync<JsonElement>("/api/v1/suppliers?search=Alpha");
        Assert.Equal(0, listB.GetProperty("totalCount").GetInt32());
        var allB = await clientB.GetFromJsonAsync<JsonElement>("/api/v1/suppliers");
        Assert.Equal(["B-1", "B-2"], allB.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("externalReference").GetString()).Order());

        Assert.Equal(before, await clientA.GetStringAsync($"/api/v1/suppliers/{supplierOfA}"));
        var auditOfB = await clientB.GetFromJsonAsync<JsonElement>($"/api/v1/audit-events?entityId={supplierOfA}");
        Assert.Equal(0, auditOfB.GetProperty("totalCount").GetInt32());
    }

    [Theory]
    [MemberData(nameof(ComplianceApp.Providers), MemberType = typeof(ComplianceApp))]
    public async Task Another_organizations_cookie_cannot_see_or_edit_a_supplier_in_the_UI(DatabaseProvider provider)
    {
        await using var app = await ComplianceApp.StartAsync(provider);
        var a = await app.SignUpAsync("Alpha Apparel");
        var b = await app.SignUpAsync("Beta Beverages");
        var supplierOfA = await a.CreateSupplierAsync("A-1", "Alpha Knitting Mill");

        using var browserB = await b.SignedInClientAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await browserB.GetAsync($"/Suppliers/Details/{supplierOfA}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browserB.GetAsync($"/Suppliers/Edit/{supplierOfA}")).StatusCode);
        var token = await TestOrganization.AntiforgeryTokenAsync(browserB, "/Suppliers/Edit");
        var delete = await browserB.PostAsync($"/Suppliers/Edit/{supplierOfA}?handler=Delete",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        Assert.DoesNotContain("Alpha Knitting Mill", await browserB.GetStringAsync("/Suppliers"));
        // The API with B's cookie is the same 404.
        Assert.Equal(HttpStatusCode.NotFound, (await browserB.GetAsync($"/api/v1/suppliers/{supplierOfA}")).StatusCode);

        using var clientA = a.Admin();
        Assert.Equal(HttpStatusCode.OK, (await clientA.GetAsync($"/api/v1/suppliers/{supplierOfA}")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(ComplianceApp.Providers), MemberType = typeof(ComplianceApp))]
    public async Task A_query_with_no_organization_resolved_throws(DatabaseProvider provider)
    {
        await using var app = await ComplianceApp.StartAsync(provider);
        await (await app.SignUpAsync("Alpha Apparel")).CreateSupplierAsync("A-1");

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplianceDbContext>();
        await Assert.ThrowsAsync<TenantNotResolvedException>(() => db.Suppliers.ToListAsync());
        await Assert.ThrowsAsync<TenantNotResolvedException>(() => db.AuditEvents.CountAsync());
    }

    [Fact]
    public async Task A_save_that_writes_into_another_organization_is_refused()
    {
        await using var app = new ComplianceApp();
        var a = await app.SignUpAsync("Alpha Apparel");
        var b = await app.SignUpAsync("Beta Beverages");
        var supplierOfA = await a.CreateSupplierAsync("A-1");

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplianceDbContext>();
        db.Tenant.Use(a.Id);
        var supplier = await db.Suppliers.SingleAsync(s => s.Id == supplierOfA);
        db.Tenant.Use(b.Id);
        supplier.Name = "Changed while acting for B";
        await Assert.ThrowsAsync<CrossTenantWriteException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();
        db.Suppliers.Add(new Compliance.Domain.Suppliers.Supplier { OrganizationId = a.Id, ExternalReference = "X", Name = "X", Country = "CN" });
        await Assert.ThrowsAsync<CrossTenantWriteException>(() => db.SaveChangesAsync());
    }
}
