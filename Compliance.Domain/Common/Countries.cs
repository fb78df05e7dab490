namespace Compliance.Domain.Common;

public sealed record Country(string Alpha2, string Alpha3, string Name);

/// <summary>ISO 3166-1 countries. Hong Kong, Macao and Taiwan are their own entries, as in ISO and the DOL list.</summary>
public static partial class Countries
{
    private static readonly Country[] All = Table();
    private static readonly Dictionary<string, Country> ByAlpha2 = All.ToDictionary(c => c.Alpha2, StringComparer.OrdinalIgnoreCase);

    public static IReadOnlyList<Country> List => All;

    public static bool IsKnownAlpha2(string? code) => code is { Length: 2 } && ByAlpha2.ContainsKey(code);

    public static Country? FindAlpha2(string? code) => code is { Length: 2 } && ByAlpha2.TryGetValue(code, out var c) ? c : null;

    public static string NameOf(string? alpha2) => FindAlpha2(alpha2)?.Name ?? alpha2 ?? "";
}
