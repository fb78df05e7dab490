using System.Security.Cryptography;
using System.Text;

namespace Compliance.Domain.Grievances;

/// <summary>
/// The reporter's way back to their case without an account: a receipt code (says which case) and a passphrase
/// (proves it is theirs). The passphrase carries 100 random bits, so guessing it is hopeless even without the rate limit.
/// </summary>
public static class ReceiptCredentials
{
    // Crockford-style alphabet: no I, L, O or U, so codes read aloud or copied by hand survive.
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>12 characters in three groups, e.g. "7KQM-3XRT-9PLW" (60 bits: unique enough per organization, not a secret).</summary>
    public static string NewReceiptCode() => Groups(12);

    /// <summary>20 characters in five groups (100 bits).</summary>
    public static string NewPassphrase() => Groups(20);

    public static string Hash(string passphrase) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Normalize(passphrase))));

    /// <summary>Compares in constant time, so the answer's timing says nothing about how close a guess was.</summary>
    public static bool Matches(string? passphrase, string hash) =>
        passphrase is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(passphrase)), Encoding.ASCII.GetBytes(hash));

    /// <summary>Forgiving of how people copy codes: case, spaces, missing dashes, and the letters that look like digits.</summary>
    public static string Normalize(string code)
    {
        var s = new StringBuilder(code.Length);
        foreach (var c in code.ToUpperInvariant())
        {
            var d = c switch { 'O' => '0', 'I' or 'L' => '1', _ => c };
            if (Alphabet.Contains(d, StringComparison.Ordinal)) s.Append(d);
        }
        return Group(s.ToString());
    }

    private static string Groups(int length)
    {
        Span<char> chars = stackalloc char[length];
        for (var i = 0; i < length; i++) chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        return Group(new string(chars));
    }

    private static string Group(string chars) => string.Join('-', chars.Chunk(4).Select(c => new string(c)));
}
