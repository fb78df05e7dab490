using Compliance.Tests.Fixtures;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Compliance.Tests.Architecture;

public sealed class EndpointPolicyTests
{
    /// <summary>Anonymous on purpose: public routes that must work without an account.</summary>
    private static readonly string[] PublicRoutes = ["api/v1/signup", "health", "openapi/{documentName}.json", "Account/Login", "Account/AccessDenied", "Error",
        // Workers report grievances and follow up without an account.
        "api/v1/public/{slug}/grievances", "api/v1/public/{slug}/grievances/{receiptCode}", "api/v1/public/{slug}/grievances/{receiptCode}/messages",
        "report/{slug}", "report/{slug}/follow-up",
        // The published California disclosure and its PDF.
        "disclosures/{slug}/california/{handler?}"];

    [Fact]
    public async Task Every_endpoint_names_a_policy_or_is_explicitly_anonymous()
    {
        await using var app = new ComplianceApp();
        app.CreateClient().Dispose();
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        Assert.NotEmpty(endpoints);

        var unguarded = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var route = endpoint.RoutePattern.RawText?.Trim('/') ?? endpoint.DisplayName ?? "?";
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>().ToList();
            if (anonymous)
            {
                if (!PublicRoutes.Contains(route)) unguarded.Add($"{route} is anonymous but not in the list of public routes");
            }
            else if (policies.Count == 0)
            {
                unguarded.Add($"{route} names no authorization policy");
            }
        }
        Assert.Empty(unguarded);
    }
}
