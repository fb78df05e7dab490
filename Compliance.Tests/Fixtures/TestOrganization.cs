using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace Compliance.Tests.Fixtures;

/// <summary>An organization made through the public sign-up, with its first Admin's token and login.</summary>
public sealed partial record TestOrganization(ComplianceApp App, Guid Id, string Slug, string AdminToken, string AdminEmail)
{
    public const string Password = "correct horse battery staple";

    public HttpClient Admin() => App.ClientWithToken(AdminToken);

    /// <summary>A new API token of this organization for the given role.</summary>
    public async Task<string> TokenAsync(string role)
    {
        using var admin = Admin();
        var response = await admin.PostAsJsonAsync("/api/v1/tokens", new { name = $"{role} test token", role });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<TokenResponse>())!.Token;
    }

    public async Task<HttpClient> ClientAsync(string role) => App.ClientWithToken(await TokenAsync(role));

    /// <summary>Creates a supplier through the API and returns its id.</summary>
    public async Task<Guid> CreateSupplierAsync(string externalReference, string name = "Shenzhen Example Electronics Co., Ltd.", string country = "CN")
    {
        using var admin = Admin();
        var response = await admin.PostAsJsonAsync("/api/v1/suppliers", new
        {
            externalReference, name, country,
            products = new[] { new { name = "Printed circuit assemblies", hsCode = "8534" } },
        });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<IdResponse>())!.Id;
    }

    /// <summary>A browser-like client signed in through the login page (cookie and antiforgery token).</summary>
    public Task<HttpClient> SignedInClientAsync() => SignInAsync(App, AdminEmail, Password);

    public static async Task<HttpClient> SignInAsync(ComplianceApp app, string email, string password)
    {
        var client = app.Client();
        var response = await PostLoginAsync(client, email, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in of {email} failed: {(int)response.StatusCode}");
        return client;
    }

    /// <summary>Posts the login form like a browser: fetch the page for its antiforgery token, then submit.</summary>
    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string email, string password)
    {
        var token = await AntiforgeryTokenAsync(client, "/Account/Login");
        return await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
    }

    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string page)
    {
        var html = await client.GetStringAsync(page);
        return AntiforgeryField().Match(html) is { Success: true } m ? m.Groups[1].Value
            : throw new InvalidOperationException($"{page} has no antiforgery token.");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    private sealed record TokenResponse(string Token);

    private sealed record IdResponse(Guid Id);
}
