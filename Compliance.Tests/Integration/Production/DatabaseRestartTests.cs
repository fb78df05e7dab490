using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Compliance.Tests.Fixtures;
using Compliance.Web.Infrastructure.Persistence;

namespace Compliance.Tests.Integration.Production;

public sealed class DatabaseRestartTests
{
    [Fact]
    public async Task While_PostgreSQL_is_down_requests_answer_503_and_change_nothing_and_the_app_recovers_when_it_is_back()
    {
        var server = await PostgresServer.StartPrivateAsync();
        try
        {
            await using var app = new ComplianceApp(DatabaseProvider.Postgres, await server.CreateDatabaseAsync());
            var org = await app.SignUpAsync("Alpha Apparel");
            using var admin = org.Admin();
            await org.CreateSupplierAsync("V-1", "Before the restart Ltd.");

            await server.StopAsync();
            var write = await admin.PostAsJsonAsync("/api/v1/suppliers", new { externalReference = "V-2", name = "During the outage Ltd.", country = "CN" });
            Assert.Equal(HttpStatusCode.ServiceUnavailable, write.StatusCode);
            Assert.Equal("application/problem+json", write.Content.Headers.ContentType?.MediaType);
            Assert.NotNull(write.Headers.RetryAfter);
            // Authentication reads the database too: a read answers 503 as well, never 500.
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await admin.GetAsync("/api/v1/suppliers")).StatusCode);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await app.Client().GetAsync("/health")).StatusCode);

            await server.StartAgainAsync();
            HttpStatusCode status = default;
            for (var i = 0; i < 50 && status != HttpStatusCode.OK; i++)
            {
                status = (await admin.GetAsync("/api/v1/suppliers")).StatusCode;
                if (status != HttpStatusCode.OK) await Task.Delay(200);
            }
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/suppliers", new { externalReference = "V-2", name = "After the outage Ltd.", country = "CN" })).StatusCode);

            // Nothing lost, nothing written twice: the refused write left no row.
            var list = await admin.GetFromJsonAsync<JsonElement>("/api/v1/suppliers");
            Assert.Equal(["After the outage Ltd.", "Before the restart Ltd."],
                list.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("name").GetString()).Order(StringComparer.Ordinal));
        }
        finally
        {
            await server.StopAsync();
        }
    }
}
