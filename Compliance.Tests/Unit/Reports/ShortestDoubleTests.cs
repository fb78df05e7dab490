using System.Globalization;
using System.Text;
using Compliance.Reports.Xlsx;

namespace Compliance.Tests.Unit.Reports;

public sealed class ShortestDoubleTests
{
    [Theory]
    [InlineData(0.1, "0.1")]
    [InlineData(-2.5, "-2.5")]
    [InlineData(1.0 / 3, "0.3333333333333333")]
    [InlineData(0.3, "0.3")]
    [InlineData(123456.789, "123456.789")]
    [InlineData(0.00001, "0.00001")]
    [InlineData(0.000001, "1E-06")]
    [InlineData(1.5e-7, "1.5E-07")]
    [InlineData(1e15, "1E+15")]
    [InlineData(123456789012345.6, "123456789012345.6")]
    [InlineData(2e20, "2E+20")]
    [InlineData(double.MaxValue, "1.7976931348623157E+308")]
    [InlineData(double.Epsilon, "5E-324")]
    [InlineData(2.2250738585072014E-308, "2.2250738585072014E-308")]
    [InlineData(0.0, "0")]
    [InlineData(-0.0, "-0")]
    [InlineData(9007199254740993.0, "9.007199254740992E+15")]
    // The runtime writes 2^-958 as 4.104536801298376E-289, which reads back as the double below it.
    [InlineData(4.1045368012983762E-289, "4.1045368012983762E-289")]
    public void Known_values_are_written_as_a_spreadsheet_reads_them(double value, string expected) =>
        Assert.Equal(expected, Format(value));

    /// <summary>
    /// Every value reads back exactly, with the very digits of the runtime's round-trip formatting (shortest, and the
    /// closest of the shortest) wherever that reads back too: random bit patterns cover every exponent, the other sets the values exports hold.
    /// </summary>
    [Fact]
    public void Random_values_read_back_exactly_with_the_runtimes_shortest_digits()
    {
        var random = new Random(20261205);
        var values = new List<double>();
        while (values.Count < 300_000)
            if (BitConverter.Int64BitsToDouble(random.NextInt64(long.MinValue, long.MaxValue)) is var d && double.IsFinite(d)) values.Add(d);
        for (var i = 0; i < 100_000; i++)
        {
            values.Add(random.NextDouble());
            values.Add(Math.Round(random.NextDouble() * 1e6, 2));
            values.Add(i % 997 / 997.0);
            values.Add(i * 0.1);
            values.Add(-i / 7.0);
        }
        // Subnormals and neighbours of powers of two and ten, where the interval's bounds are uneven.
        for (var e = -1074; e < 1024; e++)
        {
            var power = Math.ScaleB(1, e);
            values.AddRange([power, Math.BitIncrement(power), Math.BitDecrement(power)]);
        }
        for (var e = -323; e < 309; e++)
        {
            var power = double.Parse($"1E{e}", CultureInfo.InvariantCulture);
            values.AddRange([power, Math.BitIncrement(power), Math.BitDecrement(power)]);
        }

        var runtimeWrong = 0;
        foreach (var value in values.Where(double.IsFinite))
        {
            var ours = Format(value);
            var parsed = double.Parse(ours, NumberStyles.Float, CultureInfo.InvariantCulture);
            if (BitConverter.DoubleToInt64Bits(parsed) != BitConverter.DoubleToInt64Bits(value) && value != 0)
                Assert.Fail($"{value:R} was written as {ours}, which reads back as {parsed:R}");
            var runtime = value.ToString("R", CultureInfo.InvariantCulture);
            // A few powers of two the runtime itself gets wrong (its digits read back as a neighbour): ours stand.
            if (double.Parse(runtime, NumberStyles.Float, CultureInfo.InvariantCulture) != value)
            {
                runtimeWrong++;
                continue;
            }
            if (Digits(ours) != Digits(runtime)) Assert.Fail($"{value:R}: digits {Digits(ours)}, the runtime's {Digits(runtime)}");
        }
    }

    private static string Format(double value)
    {
        Span<byte> span = stackalloc byte[32];
        return Encoding.ASCII.GetString(span[..ShortestDouble.Format(span, value)]);
    }

    /// <summary>The significant digits and the power of ten of the first, whatever the layout.</summary>
    private static string Digits(string text)
    {
        var value = text;
        var mantissa = value.Split('E')[0].TrimStart('-');
        var exponent = value.Contains('E') ? int.Parse(value.Split('E')[1], CultureInfo.InvariantCulture) : 0;
        var point = mantissa.IndexOf('.') is var p and >= 0 ? p : mantissa.Length;
        var digits = mantissa.Replace(".", "");
        var leading = digits.Length - digits.TrimStart('0').Length;
        digits = digits.Trim('0');
        return digits.Length == 0 ? "0" : $"{digits}e{exponent + point - leading - 1}";
    }
}
