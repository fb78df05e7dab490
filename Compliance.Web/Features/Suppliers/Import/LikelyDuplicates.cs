using Compliance.Domain.Suppliers;

namespace Compliance.Web.Features.Suppliers.Import;

/// <summary>
/// The organization's suppliers by normalized name + country and by identifier, to warn about likely duplicates
/// under another external reference. Keys are 64-bit hashes to keep a million suppliers in tens of megabytes;
/// a hash collision can only cost a warning, since every hit is checked against the supplier it names.
/// </summary>
public sealed class LikelyDuplicates
{
    private readonly Dictionary<ulong, (Guid Id, ulong Reference)> index;

    /// <param name="capacity">Expected keys: sized once, so a million-row import never holds two copies while the table grows.</param>
    public LikelyDuplicates(int capacity = 0) => index = new Dictionary<ulong, (Guid Id, ulong Reference)>(capacity);

    private static readonly HashSet<string> LegalForms = new(StringComparer.Ordinal)
    {
        "ltd", "limited", "co", "company", "inc", "incorporated", "llc", "gmbh", "ag", "sa", "srl", "bv", "nv", "plc", "corp", "corporation",
        "pvt", "private", "jsc", "pt", "tbk", "sdn", "bhd", "kk", "oy", "ab", "spa", "sas", "sarl", "llp", "lp", "pte", "as", "kg", "cokg", "the",
    };

    public void Add(Guid id, string externalReference, string name, string country, string? lei, string? duns, string? uscc) =>
        Add(id, KeysOf(externalReference, name, country, lei, duns, uscc));

    public void Add(Guid id, in DuplicateKeys keys)
    {
        foreach (var (hash, _) in keys.All()) index.TryAdd(hash, (id, keys.Reference));
    }

    /// <summary>Existing suppliers under another reference that share the name and country, or an identifier, with these details.</summary>
    public IEnumerable<(Guid Id, string Reason)> Find(string externalReference, string name, string country, string? lei, string? duns, string? uscc)
    {
        var found = new List<(Guid, string)>(4);
        Find(KeysOf(externalReference, name, country, lei, duns, uscc), found);
        return found;
    }

    /// <summary>As <see cref="Find(string, string, string, string?, string?, string?)"/>, into a list the caller reuses (cleared first).</summary>
    public void Find(in DuplicateKeys keys, List<(Guid Id, string Reason)> found)
    {
        found.Clear();
        foreach (var (hash, reason) in keys.All())
            if (index.TryGetValue(hash, out var hit) && hit.Reference != keys.Reference && !found.Exists(f => f.Id == hit.Id))
                found.Add((hit.Id, reason));
    }

    /// <summary>The hashed keys of a supplier's details: computed once per row, where the rows are read.</summary>
    public static DuplicateKeys KeysOf(string externalReference, string name, string country, string? lei, string? duns, string? uscc)
    {
        var normalized = NormalizedName(name);
        return new DuplicateKeys(Hash(externalReference),
            normalized.Length > 0 ? Hash($"n\u001f{normalized}\u001f{country}") : null,
            lei is null ? null : Hash($"lei\u001f{lei}"),
            duns is null ? null : Hash($"duns\u001f{duns}"),
            uscc is null ? null : Hash($"uscc\u001f{uscc}"));
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

    /// <summary>
    /// FNV-1a, 128 bits: identifies an external reference among a million with a collision chance near 10^-27,
    /// in 16 bytes instead of the string.
    /// </summary>
    public static ReferenceHash Hash128(string text)
    {
        var hash = new UInt128(0x6c62272e07bb0142, 0x62b821756295c58d);
        var prime = new UInt128(0x0000000001000000, 0x000000000000013B);
        foreach (var c in text) hash = (hash ^ c) * prime;
        return new ReferenceHash((ulong)(hash >> 64), (ulong)hash);
    }

    /// <summary>FNV-1a, 64 bits: stable across processes (string.GetHashCode is randomized), so a resumed import sees the same keys.</summary>
    public static ulong Hash(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }
        return hash;
    }
}

/// <summary>A supplier's external reference and likely-duplicate keys as 64-bit hashes; a key the supplier lacks is null.</summary>
public readonly record struct DuplicateKeys(ulong Reference, ulong? NameAndCountry, ulong? Lei, ulong? Duns, ulong? Uscc)
{
    public IEnumerable<(ulong Hash, string Reason)> All()
    {
        if (NameAndCountry is { } n) yield return (n, "same name and country");
        if (Lei is { } l) yield return (l, "same LEI");
        if (Duns is { } d) yield return (d, "same DUNS");
        if (Uscc is { } u) yield return (u, "same USCC");
    }
}

/// <summary>
/// A 128-bit hash as two 64-bit halves. As a dictionary key it makes a 32-byte entry where UInt128, which .NET aligns
/// to 16 bytes, makes a 48-byte one: 16 MB less for the references of a million-row file.
/// </summary>
public readonly struct ReferenceHash(ulong upper, ulong lower) : IEquatable<ReferenceHash>
{
    private readonly ulong upper = upper, lower = lower;

    public bool Equals(ReferenceHash other) => upper == other.upper && lower == other.lower;

    public override bool Equals(object? obj) => obj is ReferenceHash other && Equals(other);

    public override int GetHashCode() => (int)lower ^ (int)(lower >> 32);

    public static bool operator ==(ReferenceHash left, ReferenceHash right) => left.Equals(right);

    public static bool operator !=(ReferenceHash left, ReferenceHash right) => !left.Equals(right);
}
