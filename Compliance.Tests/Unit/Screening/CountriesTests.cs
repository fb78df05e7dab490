using Compliance.Domain.Common;

namespace Compliance.Tests.Unit.Screening;

public sealed class CountriesTests
{
    [Theory]
    [InlineData("CN", "CN")]
    [InlineData("chn", "CN")]
    [InlineData("Congo, Democratic Republic of the", "CD")]
    [InlineData("Democratic Republic of the Congo", "CD")]
    [InlineData("Congo", "CG")]
    [InlineData("Turkey (Türkiye)", "TR")]
    [InlineData("Türkiye", "TR")]
    [InlineData("Burma", "MM")]
    [InlineData("Côte d'Ivoire", "CI")]
    [InlineData("Cote d'Ivoire", "CI")]
    [InlineData("Ivory Coast", "CI")]
    [InlineData("Viet Nam", "VN")]
    [InlineData("Korea, Republic of", "KR")]
    [InlineData("South Korea", "KR")]
    [InlineData("North Korea", "KP")]
    [InlineData("Kyrgyz Republic", "KG")]
    [InlineData("Hong Kong", "HK")]
    [InlineData("Macao", "MO")]
    [InlineData("Taiwan", "TW")]
    [InlineData("  united states of america ", "US")]
    [InlineData("Bosnia and Herzegovina", "BA")]
    public void TryResolve_accepts_codes_names_and_variants(string text, string expected)
    {
        Assert.True(Countries.TryResolve(text, out var alpha2));
        Assert.Equal(expected, alpha2);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Atlantis")]
    [InlineData("XX")]
    [InlineData(null)]
    public void TryResolve_refuses_what_is_not_a_country(string? text) => Assert.False(Countries.TryResolve(text, out _));

    [Fact]
    public void Every_country_on_the_DOL_lists_resolves()
    {
        var names = File.ReadLines(ReferenceData.PathOf("risk-lists", "dol-tvpra-history-2014-2022.csv")).Skip(1)
            .Select(line => Compliance.Domain.Screening.CsvRows.Read(new StringReader(line)).Single().Fields[2]).Distinct();
        Assert.All(names, n => Assert.True(Countries.TryResolve(n, out _), n));
    }
}
