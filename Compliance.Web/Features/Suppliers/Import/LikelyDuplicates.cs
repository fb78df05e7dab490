using Compliance.Domain.Suppliers;

namespace Compliance.Web.Features.Suppliers.Import;

/// <summary>
/// The organization's suppliers by normalized name + country and by identifier, to warn about likely duplicates
/// under another external reference. Keys are 64-bit hashes, each pointing at a supplier: its place in a list of ids,
/// or, for a supplier the import adds, its row (negated), from which its id follows (SupplierImport.SupplierIdFor):
/// about 21 MB for a million new suppliers. A hash collision can only cost a warning, since every hit is checked
/// against the supplier it names.
/// </summary>
public sealed class LikelyDuplicates
{
    private readonly HashSlots index;
    private readonly List<Guid> ids;
    private readonly Func<int, Guid> idOfRow;

    /// <param name="idOfRow">The id of the supplier the import adds from a row.</param>
    /// <param name="suppliers">Suppliers already in the organization, and <paramref name="keys"/> the keys all will have:
    /// sized once, so a million-row import never holds two copies while the tables grow.</param>
    public LikelyDuplicates(Func<int, Guid> idOfRow, int suppliers = 0, int keys = 0)
    {
        this.idOfRow = idOfRow;
        index = new HashSlots(keys);
        ids = new List<Guid>(suppliers);
    }

    private static readonly HashSet<string> LegalForms = new(StringComparer.Ordinal)
    {
        "ltd", "limited", "co", "company", "inc", "incorporated", "llc", "gmbh", "ag", "sa", "srl", "bv", "nv", "plc", "corp", "corporation",
        "pvt", "private", "jsc", "pt", "tbk", "sdn", "bhd", "kk", "oy", "ab", "spa", "sas", "sarl", "llp", "lp", "pte", "as", "kg", "cokg", "the",
    };

    public void Add(Guid id, string name, string country, string? lei, string? duns, string? uscc) =>
        Add(id, KeysOf(name, country, lei, duns, uscc));

    public void Add(Guid id, in DuplicateKeys keys)
    {
        var added = false;
        foreach (var (hash, _) in keys.All()) added |= index.TryAdd(hash, ids.Count);
        if (added) ids.Add(id);
    }

    /// <summary>A supplier the import adds from a row (1 or more): its id follows from the row.</summary>
    public void AddRow(int row, in DuplicateKeys keys)
    {
        foreach (var (hash, _) in keys.All()) index.TryAdd(hash, -row);
    }

    /// <summary>Suppliers other than <paramref name="self"/> that share the name and country, or an identifier, with these keys, into a list the caller reuses (cleared first).</summary>
    public void Find(in DuplicateKeys keys, Guid self, List<(Guid Id, string Reason)> found)
    {
        found.Clear();
        foreach (var (hash, reason) in keys.All())
        {
            if (!index.TryGetValue(hash, out var at)) continue;
            var id = at < 0 ? idOfRow(-at) : ids[at];
            if (id != self && !found.Exists(f => f.Id == id)) found.Add((id, reason));
        }
    }

    /// <summary>The hashed keys of a supplier's details: computed once per row, where the rows are read.</summary>
    public static DuplicateKeys KeysOf(string name, string country, string? lei, string? duns, string? uscc) => new(
        NameKey(name, country),
        lei is null ? null : Fnv(Fnv(Offset, "lei\u001f"), lei),
        duns is null ? null : Fnv(Fnv(Offset, "duns\u001f"), duns),
        uscc is null ? null : Fnv(Fnv(Offset, "uscc\u001f"), uscc));

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> LegalFormOf = LegalForms.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Hash("n␟" + NormalizedName(name) + "␟" + country), null for a name of legal forms only. For an ASCII name it is
    /// computed without building those strings: the words of Key are the runs of letters and digits, lower-cased.
    /// </summary>
    public static ulong? NameKey(string name, string country)
    {
        if (name.Length > 256 || !System.Text.Ascii.IsValid(name))
        {
            var normalized = NormalizedName(name);
            return normalized.Length > 0 ? Hash($"n\u001f{normalized}\u001f{country}") : null;
        }
        Span<char> word = stackalloc char[256];
        var hash = Fnv(Offset, "n\u001f");
        var words = 0;
        for (var i = 0; i < name.Length;)
        {
            while (i < name.Length && !char.IsAsciiLetterOrDigit(name[i])) i++;
            var length = 0;
            for (; i < name.Length && char.IsAsciiLetterOrDigit(name[i]); i++) word[length++] = char.ToLowerInvariant(name[i]);
            if (length == 0 || LegalFormOf.Contains(word[..length])) continue;
            if (words++ > 0) hash = Fnv(hash, " ");
            hash = Fnv(hash, word[..length]);
        }
        return words == 0 ? null : Fnv(Fnv(hash, "\u001f"), country);
    }

    /// <summary>Whether the supplier a hash pointed at really shares the key (guards against collisions).</summary>
    public static bool Confirms(string reason, Supplier existing, string name, string country, string? lei, string? duns, string? uscc) => reason switch
    {
        "same LEI" => existing.Lei == lei,
        "same DUNS" => existing.Duns == duns,
        "same USCC" => existing.Uscc == uscc,
        _ => existing.Country == country && NormalizedName(existing.Name) == NormalizedName(name),
    };

    /// <summary>"ACME Textiles Co., Ltd." and "Acme Textiles" are the same name here.</summary>
    public static string NormalizedName(string name) =>
        string.Join(' ', ColumnMapping.Key(name).Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !LegalForms.Contains(w)));

    /// <summary>FNV-1a, 64 bits: stable across processes (string.GetHashCode is randomized), so a resumed import sees the same keys.</summary>
    public static ulong Hash(string text) => Fnv(Offset, text);

    private const ulong Offset = 14695981039346656037UL;

    private static ulong Fnv(ulong hash, ReadOnlySpan<char> text)
    {
        foreach (var c in text) hash = (hash ^ c) * 1099511628211UL;
        return hash;
    }
}

/// <summary>A supplier's likely-duplicate keys as 64-bit hashes; a key the supplier lacks is null.</summary>
public readonly record struct DuplicateKeys(ulong? NameAndCountry, ulong? Lei, ulong? Duns, ulong? Uscc)
{
    public IEnumerable<(ulong Hash, string Reason)> All()
    {
        if (NameAndCountry is { } n) yield return (n, "same name and country");
        if (Lei is { } l) yield return (l, "same LEI");
        if (Duns is { } d) yield return (d, "same DUNS");
        if (Uscc is { } u) yield return (u, "same USCC");
    }
}
