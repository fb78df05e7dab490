using System.Net;
using System.Text.Json;
using Compliance.Tests.Fixtures;
using Compliance.Web.Infrastructure.Persistence;
using Compliance.Web.OData;
using Microsoft.Extensions.DependencyInjection;

namespace Compliance.Tests.Integration.OData;

/// <summary>OData queries take turns at the gate (OData:MaxConcurrentQueries); a full queue answers 503 in the OData error format.</summary>
public sealed class ODataQueryGateTests
{
    [Fact]
    public async Task A_query_past_a_full_queue_gets_503_with_the_OData_error_body_and_later_ones_run()
    {
        await using var app = await ComplianceApp.StartAsync(DatabaseProvider.Sqlite,
            new Dictionary<string, string?> { ["OData:MaxConcurrentQueries"] = "1", ["OData:MaxQueuedQueries"] = "0" });
        var organization = await app.SignUpAsync("Gate Apparel");
        using var reader = await organization.ClientAsync("Auditor");
        var gate = app.Services.GetRequiredService<ODataQueryGate>();
        Assert.Equal(1, gate.Permits);

        using (var held = await gate.EnterAsync(CancellationToken.None))
        {
            Assert.True(held.IsAcquired);
            using var refused = await reader.GetAsync("/odata/Suppliers?$top=5");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal("1", refused.Headers.GetValues("Retry-After").Single());
            var error = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("error");
            Assert.Equal("ServiceUnavailable", error.GetProperty("code").GetString());
        }

        using var served = await reader.GetAsync("/odata/Suppliers?$top=5");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
    }

    [Fact]
    public async Task A_query_waits_for_its_turn_and_is_then_served()
    {
        await using var app = await ComplianceApp.StartAsync(DatabaseProvider.Sqlite,
            new Dictionary<string, string?> { ["OData:MaxConcurrentQueries"] = "1", ["OData:MaxQueuedQueries"] = "10" });
        var organization = await app.SignUpAsync("Queue Apparel");
        using var reader = await organization.ClientAsync("Auditor");
        var gate = app.Services.GetRequiredService<ODataQueryGate>();

        var held = await gate.EnterAsync(CancellationToken.None);
        var waiting = reader.GetAsync("/odata/Suppliers?$top=5");
        await Task.Delay(200);
        Assert.False(waiting.IsCompleted);
        held.Dispose();
        using var served = await waiting;
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
    }

    [Fact]
    public void The_default_is_two_queries_per_processor() =>
        Assert.Equal(2 * Environment.ProcessorCount, new ODataQueryGate(new ODataLimits()).Permits);
}
