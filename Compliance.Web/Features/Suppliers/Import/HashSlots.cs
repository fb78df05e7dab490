namespace Compliance.Web.Features.Suppliers.Import;

/// <summary>
/// A hash table from 64-bit keys that are already hashes (optionally with a 32-bit tag: 96 bits) to int values, in flat
/// arrays: 12 or 16 bytes a slot where a Dictionary entry with its bucket takes 28 to 36. An import of a million rows
/// keeps a million or two of these, so this is most of its memory. Open addressing with linear probing; a zero key
/// marks an empty slot, so a key that hashes to zero is stored as one (callers tolerate a rare collision already).
/// </summary>
internal sealed class HashSlots
{
    private const int MaxLoadPercent = 75;
    private ulong[] keys;
    private uint[]? tags;
    private int[] values;

    /// <param name="capacity">Keys expected: sized for them once, so a large import never holds two copies while it grows.</param>
    /// <param name="tagged">Whether keys carry a 32-bit tag (compared, not hashed) for 96 bits in all.</param>
    public HashSlots(int capacity, bool tagged = false)
    {
        var size = SizeFor(capacity);
        keys = new ulong[size];
        values = new int[size];
        tags = tagged ? new uint[size] : null;
    }

    public int Count { get; private set; }

    private static int SizeFor(int capacity) => (int)Math.Clamp(capacity * 100L / MaxLoadPercent + 1, 16, Array.MaxLength);

    /// <summary>Where probing starts: the key mixed (FNV's high bits are weak for short texts), then scaled to the table.</summary>
    private static int Home(ulong key, int size)
    {
        key ^= key >> 33;
        key *= 0xff51afd7ed558ccdUL;
        key ^= key >> 33;
        return (int)Math.BigMul(key, (ulong)size, out _);
    }

    /// <summary>The value stored under the key, or a new zero slot for it (<paramref name="exists"/> false).</summary>
    public ref int GetValueRefOrAddDefault(ulong key, uint tag, out bool exists)
    {
        if (key == 0) key = 1;
        if (tags is null) tag = 0;
        if ((Count + 1) * 100L > keys.LongLength * MaxLoadPercent) Grow();
        for (var i = Home(key, keys.Length); ; i = i + 1 == keys.Length ? 0 : i + 1)
        {
            var k = keys[i];
            if (k == 0)
            {
                keys[i] = key;
                if (tags is not null) tags[i] = tag;
                Count++;
                exists = false;
                return ref values[i];
            }
            if (k == key && (tags is null || tags[i] == tag))
            {
                exists = true;
                return ref values[i];
            }
        }
    }

    public ref int GetValueRefOrAddDefault(ulong key, out bool exists) => ref GetValueRefOrAddDefault(key, 0, out exists);

    public bool TryAdd(ulong key, int value) => TryAdd(key, 0, value);

    public bool TryAdd(ulong key, uint tag, int value)
    {
        ref var slot = ref GetValueRefOrAddDefault(key, tag, out var exists);
        if (exists) return false;
        slot = value;
        return true;
    }

    public bool TryGetValue(ulong key, out int value) => TryGetValue(key, 0, out value);

    public bool TryGetValue(ulong key, uint tag, out int value)
    {
        if (key == 0) key = 1;
        if (tags is null) tag = 0;
        for (var i = Home(key, keys.Length); ; i = i + 1 == keys.Length ? 0 : i + 1)
        {
            var k = keys[i];
            if (k == 0) break;
            if (k == key && (tags is null || tags[i] == tag))
            {
                value = values[i];
                return true;
            }
        }
        value = 0;
        return false;
    }

    public bool Contains(ulong key) => TryGetValue(key, out _);

    /// <summary>Only when more keys come than the capacity said: rehashed into a table twice the size.</summary>
    private void Grow()
    {
        var (oldKeys, oldTags, oldValues) = (keys, tags, values);
        var size = SizeFor((int)Math.Min(Array.MaxLength, Count * 2L + 16));
        keys = new ulong[size];
        values = new int[size];
        tags = oldTags is null ? null : new uint[size];
        Count = 0;
        for (var i = 0; i < oldKeys.Length; i++)
            if (oldKeys[i] != 0)
                GetValueRefOrAddDefault(oldKeys[i], oldTags?[i] ?? 0, out _) = oldValues[i];
    }
}

/// <summary>
/// Where each external reference first appears in the file (later rows with it are duplicates), keyed by a 96-bit hash of
/// the reference instead of the string: a collision among a million references has a chance near 10^-17.
/// </summary>
internal sealed class FirstRows(int capacity)
{
    private readonly HashSlots rows = new(capacity, tagged: true);

    /// <summary>The first row with the reference: this one, if none came before.</summary>
    public int GetOrAdd(string reference, int row)
    {
        var (key, tag) = Hash(reference);
        ref var first = ref rows.GetValueRefOrAddDefault(key, tag, out var exists);
        if (!exists) first = row;
        return first;
    }

    public bool TryGetValue(string reference, out int row)
    {
        var (key, tag) = Hash(reference);
        return rows.TryGetValue(key, tag, out row);
    }

    /// <summary>The first row with the reference, or 0 when the file has none.</summary>
    public int RowOf(string reference) => TryGetValue(reference, out var row) ? row : 0;

    /// <summary>FNV-1a, 128 bits, of which 96 are kept: stable across processes, so a resumed import sees the same keys.</summary>
    private static (ulong Key, uint Tag) Hash(string text)
    {
        var hash = new UInt128(0x6c62272e07bb0142, 0x62b821756295c58d);
        var prime = new UInt128(0x0000000001000000, 0x000000000000013B);
        foreach (var c in text) hash = (hash ^ c) * prime;
        return ((ulong)(hash >> 64), (uint)hash);
    }
}
