namespace Compliance.Domain.Screening;

/// <summary>Orders edition labels as people read them: numbers by value ("2" before "10", "2016-10" before "2024"), the rest by text.</summary>
public sealed class EditionOrder : IComparer<string>
{
    public static readonly EditionOrder Instance = new();

    public int Compare(string? x, string? y)
    {
        var (a, b) = (x ?? "", y ?? "");
        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            if (char.IsAsciiDigit(a[i]) && char.IsAsciiDigit(b[j]))
            {
                var (si, sj) = (i, j);
                while (i < a.Length && char.IsAsciiDigit(a[i])) i++;
                while (j < b.Length && char.IsAsciiDigit(b[j])) j++;
                var (na, nb) = (a[si..i].TrimStart('0'), b[sj..j].TrimStart('0'));
                var byValue = na.Length != nb.Length ? na.Length.CompareTo(nb.Length) : string.CompareOrdinal(na, nb);
                if (byValue != 0) return byValue;
                continue;
            }
            var byChar = char.ToLowerInvariant(a[i]).CompareTo(char.ToLowerInvariant(b[j]));
            if (byChar != 0) return byChar;
            i++;
            j++;
        }
        return (a.Length - i).CompareTo(b.Length - j);
    }
}
