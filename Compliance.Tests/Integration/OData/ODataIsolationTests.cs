using System.Net;
using Compliance.Tests.Fixtures;
using Compliance.Web.Infrastructure.Persistence;
using static Compliance.Tests.Integration.OData.ODataFixture;
using static Compliance.Tests.Integration.OData.ODataQueryTests;

namespace Compliance.Tests.Integration.OData;

/// <summary>No $filter, $expand, key or count reaches another organization's rows.</summary>
public sealed class ODataIsolationTests
{
    [Theory]
    [MemberData(nameof(ComplianceApp.Providers), MemberType = typeof(ComplianceApp))]
    public async Task Another_organization_reaches_nothing_through_filter_expand_key_or_count(DatabaseProvider provider)
    {
        var fixture = new ODataFixture();
        try
        {
            var s = await fixture.ForAsync(provider);
            var alphaSupplier = s.Suppliers["Alpha Knitting Mill"];
            var beta = s.BetaReader;

            var own = await AllRowsAsync(beta, "/odata/Suppliers?$expand=Products,Audits,Findings,CorrectiveActions");
            Assert.Equal("Secret Bottling Partner", Assert.Single(own).GetProperty("Name").GetString());
            Assert.Empty(await AllRowsAsync(beta, $"/odata/Suppliers?$filter=Id eq {alphaSupplier}"));
            Assert.Empty(await AllRowsAsync(beta, "/odata/Suppliers?$filter=contains(Name,'Alpha') or Country eq 'DE'"));
            Assert.Empty(await AllRowsAsync(beta, "/odata/Findings"));
            Assert.Empty(await AllRowsAsync(beta, "/odata/CorrectiveActions"));
            Assert.Equal(HttpStatusCode.NotFound, (await beta.GetAsync($"/odata/Suppliers({alphaSupplier})")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await beta.GetAsync($"/odata/Audits({s.AuditId})?$expand=Findings")).StatusCode);
            Assert.Equal("1", await beta.GetStringAsync("/odata/Suppliers/$count"));
            Assert.Empty(await AllRowsAsync(s.AlphaReader, "/odata/Suppliers?$filter=Name eq 'Secret Bottling Partner'"));

            // A row of Beta that points at Alpha's supplier still shows Beta nothing of it, and Alpha nothing of the row.
            var planted = await PlantCrossTenantAuditAsync(s);
            var audit = Assert.Single(await AllRowsAsync(beta, $"/odata/Audits?$filter=Id eq {planted}&$expand=Supplier"));
            Assert.Equal(System.Text.Json.JsonValueKind.Null, audit.GetProperty("Supplier").ValueKind);
            Assert.Empty(await AllRowsAsync(beta, "/odata/Audits?$filter=Supplier/Name eq 'Alpha Knitting Mill'"));
            Assert.Empty(await AllRowsAsync(beta, $"/odata/Audits?$filter=Supplier/Id eq {alphaSupplier}"));
            Assert.Empty(await AllRowsAsync(beta, "/odata/Audits?$filter=Supplier/Country ne null and Id eq " + planted));
            var alphaView = await GetJsonAsync(s.AlphaReader, $"/odata/Suppliers({alphaSupplier})?$expand=Audits($select=Summary)");
            Assert.DoesNotContain(alphaView.GetProperty("Audits").EnumerateArray(), a => a.GetProperty("Summary").GetString() == "planted");
            Assert.Empty(await AllRowsAsync(s.AlphaReader, "/odata/Audits?$filter=Summary eq 'planted'"));
        }
        finally
        {
            await fixture.DisposeAsync();
        }
    }
}
