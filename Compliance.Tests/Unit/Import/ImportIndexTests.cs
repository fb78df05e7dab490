using Compliance.Domain.Suppliers;
using Compliance.Web.Features.Suppliers.Import;

namespace Compliance.Tests.Unit.Import;

/// <summary>The compact tables an import keeps for a million rows agree with a Dictionary, also when they outgrow their capacity.</summary>
public sealed class ImportIndexTests
{
    [Theory]
    [InlineData(0, false)]
    [InlineData(50_000, false)]
    [InlineData(100, true)]
    [InlineData(50_000, true)]
    public void Hash_slots_agree_with_a_dictionary_when_sized_and_when_they_grow(int capacity, bool tagged)
    {
        var random = new Random(7);
        var slots = new HashSlots(capacity, tagged);
        var expected = new Dictionary<(ulong, uint), int>();
        for (var i = 0; i < 50_000; i++)
        {
            // Few distinct keys with many tags (and the zero key) when tagged: the tag must tell them apart.
            var key = tagged ? (ulong)random.Next(0, 100) : (ulong)random.NextInt64();
            var tag = tagged ? (uint)random.Next() : 0u;
            Assert.Equal(expected.TryAdd((key == 0 ? 1 : key, tag), i), slots.TryAdd(key, tag, i));
        }
        Assert.Equal(expected.Count, slots.Count);
        foreach (var ((key, tag), value) in expected)
        {
            Assert.True(slots.TryGetValue(key, tag, out var found));
            Assert.Equal(value, found);
        }
        Assert.False(slots.TryGetValue(ulong.MaxValue - 1, 12345, out _));
    }

    [Fact]
    public void First_rows_keep_the_first_row_of_each_reference()
    {
        var first = new FirstRows(capacity: 2);
        Assert.Equal(2, first.GetOrAdd("S-1", 2));
        Assert.Equal(3, first.GetOrAdd("S-2", 3));
        Assert.Equal(2, first.GetOrAdd("S-1", 9));
        Assert.Equal(3, first.RowOf("S-2"));
        Assert.Equal(0, first.RowOf("S-3"));
        Assert.False(first.TryGetValue("s-1", out _)); // references are exact
    }

    [Fact]
    public void Likely_duplicates_name_the_other_supplier_never_the_same_one()
    {
        var import = new SupplierImport { FileName = "f.csv", FileKey = "k", FileSha256 = "", Headers = "[]", Mapping = "{}", RequestedBy = "a", CreatedAt = DateTime.UtcNow };
        var duplicates = new LikelyDuplicates(import.SupplierIdFor, suppliers: 1, keys: 1); // grows past what it was sized for
        var acme = Guid.NewGuid();
        var beta = import.SupplierIdFor(7); // added by the import from row 7: kept as the row
        duplicates.Add(acme, "ACME Textiles Co., Ltd.", "VN", null, "123456789", null);
        duplicates.AddRow(7, LikelyDuplicates.KeysOf("Beta Garments", "BD", null, null, null));

        var found = new List<(Guid Id, string Reason)>();
        duplicates.Find(LikelyDuplicates.KeysOf("Acme Textiles", "VN", null, null, null), Guid.NewGuid(), found);
        Assert.Equal([(acme, "same name and country")], found);
        duplicates.Find(LikelyDuplicates.KeysOf("Acme Textiles", "KH", null, "123456789", null), Guid.NewGuid(), found);
        Assert.Equal([(acme, "same DUNS")], found);
        duplicates.Find(LikelyDuplicates.KeysOf("ACME Textiles", "VN", null, "123456789", null), acme, found);
        Assert.Empty(found);
        duplicates.Find(LikelyDuplicates.KeysOf("Beta Garments Ltd", "BD", null, "123456789", null), Guid.NewGuid(), found);
        Assert.Equal([(beta, "same name and country"), (acme, "same DUNS")], found);
    }

    [Fact]
    public void An_imported_suppliers_id_follows_from_its_import_and_row_and_rises_with_the_row()
    {
        var created = new DateTime(2026, 12, 5, 20, 0, 0, DateTimeKind.Utc);
        SupplierImport Import() => new() { FileName = "f.csv", FileKey = "k", FileSha256 = "", Headers = "[]", Mapping = "{}", RequestedBy = "a", CreatedAt = created };
        var import = Import();
        var resumed = Import();
        resumed.Id = import.Id;

        var ids = Enumerable.Range(2, 1_000).Select(import.SupplierIdFor).ToList();

        Assert.Equal(ids, Enumerable.Range(2, 1_000).Select(resumed.SupplierIdFor)); // a resumed import gives the same ids
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Equal(7, id.Version));
        Assert.Equal(ids, ids.Order(Comparer<Guid>.Create((a, b) => string.CompareOrdinal(a.ToString(), b.ToString())))); // as SQLite orders the text
        Assert.DoesNotContain(import.SupplierIdFor(2), Enumerable.Range(2, 1_000).Select(Import().SupplierIdFor)); // another import, same time
        Assert.StartsWith(((long)(created - DateTime.UnixEpoch).TotalMilliseconds).ToString("x12", System.Globalization.CultureInfo.InvariantCulture), ids[0].ToString("N"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_name_key_is_the_hash_of_the_normalized_name_and_country_however_it_is_computed()
    {
        string[] names =
        [
            "Acme Textiles Co., Ltd.", "  ACME   textiles  ", "Co., Ltd.", "", "   ", "The Limited Co", "Saigon-Textiles #2 (Pvt.) Ltd",
            "Öztürk Tekstil Sanayi A.Ş.", "Công ty TNHH May mặc Việt Tiến", "Straße & Söhne GmbH", "X", "ltd ltd", "A.B.C. 123 Inc.",
            new string('a', 300), "tab\tseparated\nname",
        ];
        var random = new Random(11);
        const string alphabet = "abcXYZ019 .,-&()/'\t";
        var generated = Enumerable.Range(0, 2_000).Select(_ => new string([.. Enumerable.Range(0, random.Next(0, 40)).Select(_ => alphabet[random.Next(alphabet.Length)])]));
        foreach (var name in names.Concat(generated))
        {
            var normalized = LikelyDuplicates.NormalizedName(name);
            ulong? expected = normalized.Length > 0 ? LikelyDuplicates.Hash($"n\u001f{normalized}\u001fVN") : null;
            Assert.True(expected == LikelyDuplicates.NameKey(name, "VN"), $"'{name}' (normalized '{normalized}')");
        }
        Assert.Null(LikelyDuplicates.NameKey("Co., Ltd.", "VN"));
        Assert.Equal(LikelyDuplicates.NameKey("Acme Textiles Co., Ltd.", "VN"), LikelyDuplicates.NameKey("ACME TEXTILES", "VN"));
        Assert.NotEqual(LikelyDuplicates.NameKey("Acme Textiles", "VN"), LikelyDuplicates.NameKey("Acme Textiles", "KH"));
    }
}
