using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Compliance.Tests.Integration.Import;

/// <summary>An organization's API client for the supplier import: upload, wait, read the summary.</summary>
public sealed class ImportApi(HttpClient client)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public HttpClient Client { get; } = client;

    public static async Task<ImportApi> SignUpAsync(WebApplicationFactory<Program> app, string name = "Acme Apparel")
    {
        var client = app.CreateClient();
        var email = $"admin-{Guid.NewGuid():N}@example.com";
        var response = await client.PostAsJsonAsync(new Uri("/api/v1/signup", UriKind.Relative), new { organizationName = name, adminEmail = email, password = "Correct-Horse-9-Battery" });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.GetProperty("apiToken").GetString());
        return new ImportApi(client);
    }

    public static MultipartFormDataContent Form(byte[] file, string fileName, string? mapping = null, string? sheet = null)
    {
        var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".xlsx", StringComparison.Ordinal)
            ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv");
        form.Add(content, "file", fileName);
        if (mapping is not null) form.Add(new StringContent(mapping), "mapping");
        if (sheet is not null) form.Add(new StringContent(sheet), "sheet");
        return form;
    }

    public Task<HttpResponseMessage> UploadAsync(byte[] file, string fileName = "suppliers.csv", string? mapping = null, string? sheet = null) =>
        Client.PostAsync(new Uri("/api/v1/suppliers/imports", UriKind.Relative), Form(file, fileName, mapping, sheet));

    public Task<HttpResponseMessage> PreviewAsync(byte[] file, string fileName = "suppliers.csv", string? mapping = null, string? sheet = null) =>
        Client.PostAsync(new Uri("/api/v1/suppliers/imports/preview", UriKind.Relative), Form(file, fileName, mapping, sheet));

    /// <summary>Uploads and waits until the import is completed or failed.</summary>
    public async Task<JsonElement> ImportAsync(byte[] file, string fileName = "suppliers.csv", string? mapping = null, string? sheet = null)
    {
        var response = await UploadAsync(file, fileName, mapping, sheet);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        return await WaitAsync(id);
    }

    public async Task<JsonElement> WaitAsync(Guid id, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var summary = await GetAsync(id);
            if (summary.GetProperty("status").GetString() is "Completed" or "Failed") return summary;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Import {id} did not finish: {summary}");
            await Task.Delay(100);
        }
    }

    public async Task<JsonElement> GetAsync(Guid id)
    {
        var response = await Client.GetAsync(new Uri($"/api/v1/suppliers/imports/{id}", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<JsonElement> SuppliersAsync(string? search = null)
    {
        var response = await Client.GetAsync(new Uri($"/api/v1/suppliers?pageSize=200{(search is null ? "" : "&search=" + Uri.EscapeDataString(search))}", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The id of the organization's supplier with this exact external reference.</summary>
    public async Task<Guid> IdOfAsync(string reference) =>
        (await SuppliersAsync(reference)).GetProperty("items").EnumerateArray()
        .Single(s => s.GetProperty("externalReference").GetString() == reference).GetProperty("id").GetGuid();

    /// <summary>The supplier with this external reference as <c>GET /api/v1/suppliers/{id}</c> gives it (parent, products, source).</summary>
    public async Task<JsonElement> SupplierAsync(string reference) =>
        await Client.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/suppliers/{await IdOfAsync(reference)}", UriKind.Relative));

    public async Task<JsonElement> VerifyAuditAsync()
    {
        var response = await Client.GetAsync(new Uri("/api/v1/audit-events/verify", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}

public static class Summary
{
    public static int Count(this JsonElement summary, string name) => summary.GetProperty(name).GetInt32();
}
