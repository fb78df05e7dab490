using System.Net;
using Compliance.Tests.Fixtures;

namespace Compliance.Tests.Integration;

public sealed class HealthTests
{
    [Fact]
    public async Task Health_answers_200_when_the_database_answers()
    {
        await using var app = new ComplianceApp();
        var response = await app.CreateClient().GetAsync(new Uri("/health", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
