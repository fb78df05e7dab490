using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Compliance.Tests.Fixtures;
using Compliance.Tests.Integration.Import;

namespace Compliance.Tests.Integration.Screening;

public sealed class ImportScreeningTests
{
    [Fact]
    public async Task Imported_suppliers_that_touch_listed_goods_raise_one_notice_each_and_a_reimport_raises_none()
    {
        await using var app = new ComplianceApp();
        var api = await ImportApi.SignUpAsync(app);
        var csv = Encoding.UTF8.GetBytes(
            "Vendor No.;Vendor Name;Country;Products\n" +
            "V-1;Abidjan Cocoa Cooperative;CI;Cocoa beans\n" +
            "V-2;Riverina Cotton Pty Ltd;AU;Raw cotton\n");

        var summary = await api.ImportAsync(csv);
        Assert.Equal("Completed", summary.GetProperty("status").GetString());
        var notices = await NoticesAsync(api.Client, atLeast: 1);
        var hit = Assert.Single(notices, n => n.GetProperty("kind").GetString() == "ScreeningHit");
        Assert.Contains("Abidjan Cocoa Cooperative", hit.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("Cocoa", hit.GetProperty("message").GetString(), StringComparison.Ordinal);

        await api.ImportAsync(csv); // unchanged suppliers, unchanged hits: nothing new to say
        await Task.Delay(TimeSpan.FromSeconds(2)); // screening follows completion
        Assert.Single(await NoticesAsync(api.Client, atLeast: 1), n => n.GetProperty("kind").GetString() == "ScreeningHit");
    }

    /// <summary>Screening runs right after the import completes: wait for its notices (bounded).</summary>
    private static async Task<List<JsonElement>> NoticesAsync(HttpClient client, int atLeast)
    {
        for (var i = 0; ; i++)
        {
            var items = (await client.GetFromJsonAsync<JsonElement>("/api/v1/notifications")).GetProperty("items").EnumerateArray().ToList();
            if (items.Count >= atLeast || i == 50) return items;
            await Task.Delay(200);
        }
    }
}
