using System.Globalization;
using Compliance.Domain.Screening;
using Xunit.Abstractions;

namespace Compliance.Tests.Unit.Screening;

public sealed class NameMatchingTests
{
    [Theory]
    [InlineData("Hoshine Silicon Industry Co. Ltd.", "hoshine silicon industry")]
    [InlineData("Siemens Aktiengesellschaft", "siemens")]
    [InlineData("Volkswagen Bank G.m.b.H.", "volkswagen bank")]
    [InlineData("Agropecuarios Tom S.A. de C.V.", "agropecuarios tom")]
    [InlineData("Brightway Holdings Sdn Bhd", "brightway holdings")]
    [InlineData("Casual Wear Apparel L.L.C.", "casual wear apparel")]
    [InlineData("新疆棉花有限公司", "新疆棉花")]
    [InlineData("Société Générale S.A.", "societe generale")]
    [InlineData("ООО Ромашка", "romashka")]
    public void Prepare_folds_case_punctuation_diacritics_scripts_and_legal_forms(string name, string tokens) =>
        Assert.Equal(tokens, string.Join(' ', NameMatching.Prepare(name).Tokens));

    [Fact]
    public void Same_tokens_in_another_order_score_one() =>
        Assert.Equal(1, NameMatching.Score("Zhejiang Sanmei Tea Co., Ltd.", "SANMEI TEA ZHEJIANG LIMITED"));

    [Theory]
    [InlineData("Hoshine Silicon Industry Co. Ltd.", "Hoshine Silicon Industrial Company Limited")]
    [InlineData("Xinjiang Junggar Cotton and Linen Co., Ltd.", "Xinjiang Junggar Cotton & Linen")]
    [InlineData("Yili Zhuowan Garment Manufacturing Co., Ltd.", "Yili Zhuowan Garment Mfg")]
    [InlineData("Mangalore Ganesh Beedi Works", "Mangalore Ganesh Beedie Works")]
    public void Variants_of_one_name_pass_the_default_threshold(string a, string b) =>
        Assert.True(NameMatching.Score(a, b) >= ScreeningOptions.DefaultNameThreshold, $"{NameMatching.Score(a, b):F3}");

    [Theory]
    [InlineData("Hoshine Silicon Industry Co. Ltd.", "Huawei Technologies Co. Ltd.")]
    [InlineData("Hetian Taida Apparel Co., Ltd.", "Hetian Haolin Hair Accessories Co., Ltd.")]
    [InlineData("Everest Carpet", "Everbright Solar")]
    public void Different_names_stay_below_the_default_threshold(string a, string b) =>
        Assert.True(NameMatching.Score(a, b) < ScreeningOptions.DefaultNameThreshold, $"{NameMatching.Score(a, b):F3}");

    [Fact]
    public void Jaro_Winkler_matches_the_textbook_values()
    {
        Assert.Equal(0.961, NameMatching.JaroWinkler("martha", "marhta"), 3);
        Assert.Equal(0.840, NameMatching.JaroWinkler("dwayne", "duane"), 3);
        Assert.Equal(0.813, NameMatching.JaroWinkler("dixon", "dicksonx"), 3);
    }

    [Theory]
    [InlineData("robert", "R163")]
    [InlineData("rupert", "R163")]
    [InlineData("ashcraft", "A261")]
    [InlineData("tymczak", "T522")]
    public void Soundex_codes_names_that_sound_alike(string name, string code) => Assert.Equal(code, NameMatching.Soundex(name).ToUpperInvariant());
}

/// <summary>Precision, recall and F1 of the name matcher on OpenSanctions' labelled pairs (dev split; a held-out split exists).</summary>
public sealed class NameMatchingQualityTests(ITestOutputHelper output)
{
    [Fact]
    public void F1_on_the_dev_pairs_is_above_0_80_at_the_default_threshold()
    {
        var pairs = File.ReadLines(ReferenceData.PathOf("name-matching", "name-pairs-dev.csv"))
            .Select(line => CsvRows.Read(new StringReader(line)).Single().Fields)
            .Skip(1)
            .Select(f => (Name1: f[2], Name2: f[3], IsMatch: f[4] == "true"))
            .ToList();
        Assert.Equal(417, pairs.Count);

        var threshold = ScreeningOptions.DefaultNameThreshold;
        int tp = 0, fp = 0, fn = 0;
        foreach (var (name1, name2, isMatch) in pairs)
        {
            var predicted = NameMatching.Score(name1, name2) >= threshold;
            if (predicted && isMatch) tp++;
            else if (predicted) fp++;
            else if (isMatch) fn++;
        }
        var precision = tp / (double)(tp + fp);
        var recall = tp / (double)(tp + fn);
        var f1 = 2 * precision * recall / (precision + recall);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"threshold {threshold:F2}: precision {precision:F3}, recall {recall:F3}, F1 {f1:F3} (tp {tp}, fp {fp}, fn {fn}; OpenSanctions logic-v2: P 0.766 R 0.802 F1 0.783)"));
        Assert.True(f1 > 0.80, $"F1 {f1:F3}");
    }
}
