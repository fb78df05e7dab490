using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Compliance.Tests.Integration.Screening;

/// <summary>Calls of the screening API the tests share.</summary>
internal static class ScreeningApi
{
    public static async Task<Guid> SupplierAsync(HttpClient client, string reference, string name, string country, params object[] products)
    {
        var response = await client.PostAsJsonAsync("/api/v1/suppliers", new { externalReference = reference, name, country, products });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static Task<HttpResponseMessage> UploadListAsync(HttpClient client, string csv, string kind = "entity", string name = "Internal blocklist",
        string edition = "1", string fileName = "blocklist.csv")
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(kind), "kind" },
            { new StringContent(name), "name" },
            { new StringContent(edition), "edition" },
        };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", fileName);
        return client.PostAsync("/api/v1/risk-lists", form);
    }

    public static async Task<Guid> ImportListAsync(HttpClient client, string csv, string name = "Internal blocklist", string edition = "1")
    {
        var response = await UploadListAsync(client, csv, name: name, edition: edition);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>Starts a run and waits for it to finish.</summary>
    public static async Task<JsonElement> RunAsync(HttpClient client)
    {
        var response = await client.PostAsync("/api/v1/screening/runs", null);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        return await WaitAsync(client, id);
    }

    public static async Task<JsonElement> WaitAsync(HttpClient client, Guid runId)
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var run = await client.GetFromJsonAsync<JsonElement>($"/api/v1/screening/runs/{runId}");
            var status = run.GetProperty("status").GetString();
            if (status == "Completed") return run;
            if (status == "Failed") Assert.Fail($"Run failed: {run.GetProperty("error")}");
            if (DateTime.UtcNow > until) Assert.Fail($"Run still {status} after 60 s");
            await Task.Delay(100);
        }
    }

    /// <summary>Waits until no run of the organization is queued or running (runs an import queued, for example).</summary>
    public static async Task WaitForIdleAsync(HttpClient client)
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        while ((await client.GetFromJsonAsync<JsonElement>("/api/v1/screening/runs")).EnumerateArray()
               .Any(r => r.GetProperty("status").GetString() is "Queued" or "Running"))
        {
            if (DateTime.UtcNow > until) Assert.Fail("Runs still pending after 60 s");
            await Task.Delay(100);
        }
    }

    public static async Task<List<JsonElement>> HitsAsync(HttpClient client, string query = "") =>
        [.. (await client.GetFromJsonAsync<JsonElement>($"/api/v1/screening/hits?pageSize=200{query}")).GetProperty("items").EnumerateArray()];
}
