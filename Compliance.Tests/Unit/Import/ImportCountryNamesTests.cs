using Compliance.Domain.Common;

namespace Compliance.Tests.Unit.Import;

public sealed class ImportCountryNamesTests
{
    [Theory]
    [InlineData("VN", "VN")]
    [InlineData("vnm", "VN")]
    [InlineData("Viet Nam", "VN")]
    [InlineData("Vietnam", "VN")]
    [InlineData("Türkiye", "TR")]
    [InlineData("Turkey", "TR")]
    [InlineData("Burma", "MM")]
    [InlineData("Côte d'Ivoire", "CI")]
    [InlineData("Cote d’Ivoire", "CI")]
    [InlineData("Ivory Coast", "CI")]
    [InlineData("Korea, Republic of", "KR")]
    [InlineData("Korea, Democratic People's Republic of", "KP")]
    [InlineData("Iran, Islamic Republic of", "IR")]
    [InlineData("Bahamas, The", "BS")]
    [InlineData("Hong Kong", "HK")]
    [InlineData("Hong Kong SAR, China", "HK")]
    [InlineData("Macau", "MO")]
    [InlineData("Taiwan, Province of China", "TW")]
    [InlineData("Taiwan", "TW")]
    [InlineData("People's Republic of China", "CN")]
    [InlineData("U.S.A.", "US")]
    [InlineData("United Kingdom", "GB")]
    [InlineData("St. Kitts & Nevis", "KN")]
    [InlineData("Saint Kitts and Nevis", "KN")]
    [InlineData("  germany ", "DE")]
    public void TryResolve_reads_codes_names_and_variants(string text, string expected)
    {
        Assert.True(Countries.TryResolve(text, out var alpha2));
        Assert.Equal(expected, alpha2);
    }

    [Theory]
    [InlineData("Atlantis")]
    [InlineData("Korea")]
    [InlineData("")]
    [InlineData("XX")]
    public void TryResolve_refuses_what_is_not_one_country(string text) => Assert.False(Countries.TryResolve(text, out _));

    [Fact]
    public void Every_country_resolves_from_its_own_name_and_codes()
    {
        foreach (var c in Countries.List)
        {
            Assert.True(Countries.TryResolve(c.Name, out var byName) && byName == c.Alpha2, c.Name);
            Assert.True(Countries.TryResolve(c.Alpha3, out var byAlpha3) && byAlpha3 == c.Alpha2, c.Alpha3);
        }
    }
}
