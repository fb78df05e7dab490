namespace Compliance.Domain.Suppliers;

/// <summary>Checks of the company identifiers suppliers are known by.</summary>
public static class Identifiers
{
    /// <summary>ISO 17442 LEI: 18 alphanumerics + 2 check digits, valid when the ISO 7064 MOD 97-10 remainder is 1.</summary>
    public static bool IsValidLei(string value)
    {
        var lei = value.Trim().ToUpperInvariant();
        if (lei.Length != 20 || !lei.All(char.IsAsciiLetterOrDigit) || !char.IsAsciiDigit(lei[18]) || !char.IsAsciiDigit(lei[19]))
            return false;
        var remainder = 0;
        foreach (var c in lei)
        {
            var n = char.IsAsciiDigit(c) ? c - '0' : c - 'A' + 10;
            remainder = n >= 10 ? (remainder * 100 + n) % 97 : (remainder * 10 + n) % 97;
        }
        return remainder == 1;
    }

    /// <summary>Dun &amp; Bradstreet DUNS: nine digits (dashes allowed in input).</summary>
    public static bool IsValidDuns(string value)
    {
        var digits = value.Trim().Replace("-", "", StringComparison.Ordinal);
        return digits.Length == 9 && digits.All(char.IsAsciiDigit);
    }

    private const string UsccAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /// <summary>China's Unified Social Credit Code (GB 32100-2015): 18 characters, the last a MOD 31 check character.</summary>
    public static bool IsValidUscc(string value)
    {
        var code = value.Trim().ToUpperInvariant();
        if (code.Length != 18) return false;
        var sum = 0;
        var weight = 1;
        for (var i = 0; i < 17; i++)
        {
            var v = UsccAlphabet.IndexOf(code[i], StringComparison.Ordinal);
            if (v < 0) return false;
            sum += v * weight;
            weight = weight * 3 % 31;
        }
        var check = (31 - sum % 31) % 31;
        return code[17] == UsccAlphabet[check];
    }
}
