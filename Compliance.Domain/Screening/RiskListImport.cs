using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Compliance.Domain.Common;

namespace Compliance.Domain.Screening;

/// <summary>A bad row in an imported file: where (row, column), which rule, and what to do about it.</summary>
public sealed record ListRowError(int Row, string Column, string Code, string Message);

/// <summary>The outcome of reading a list file. A file with any bad row yields no list, so reference data is never half-imported.</summary>
public sealed record ListImport<T>(T? List, IReadOnlyList<ListRowError> Errors) where T : class
{
    public bool Succeeded => List is not null;
}

/// <summary>
/// Reads risk-list files into immutable editions. Layouts are recognised by their header row:
/// the bundled CSV (good, country, child_labor, forced_labor, forced_child_labor, sector, downstream_good, input_produced_in, edition),
/// DOL's Sweat &amp; Toil country goods (good, country, child_labor, forced_labor, forced_child_labor, year),
/// DOL's Better Trade Tool core data (Country, Country_ISOCode, Sector, Good, CL, FL, FCL as year ranges),
/// the EO 13126 product list (product, country, status) and entity lists (name, aliases, country, source).
/// </summary>
public static class RiskListImport
{
    private const int MaxRows = 100_000;

    /// <summary>A DOL List of Goods edition. Rows of other editions (an edition or year column) are skipped, so one long file holds many editions.</summary>
    public static ListImport<GoodsList> ReadDolGoods(Stream file, RiskListSource source)
    {
        var (text, sha) = Load(file);
        var errors = new List<ListRowError>();
        var table = Table.Read(text, errors);
        if (table is null) return Fail<GoodsList>(errors);
        var entries = table.Has("cl", "fl", "fcl") && table.Has("good", "country")
            ? BetterTradeTool(table, source, errors)
            : FlagColumns(table, source, errors);
        return Finish(RiskListInfo.From(RiskListKind.DolGoods, source, sha), entries, errors);
    }

    /// <summary>The EO 13126 list of products by country of origin (FAR 22.1503). Removed and proposed rows are kept with their status.</summary>
    public static ListImport<GoodsList> ReadEo13126(Stream file, RiskListSource source)
    {
        var (text, sha) = Load(file);
        var errors = new List<ListRowError>();
        var table = Table.Read(text, errors);
        if (table is null || !table.Require(errors, "product", "country", "status")) return Fail<GoodsList>(errors);
        var entries = new List<(GoodsEntry, int)>();
        foreach (var row in table.Rows)
        {
            var product = table.Required(row, "product", errors);
            var country = Country(table, row, "country", errors);
            var status = table.Value(row, "status").ToLowerInvariant() switch
            {
                "listed" => EntryStatus.Listed,
                var s when s.StartsWith("removed", StringComparison.Ordinal) => EntryStatus.Removed,
                var s when s.StartsWith("proposed", StringComparison.Ordinal) || s.StartsWith("under consideration", StringComparison.Ordinal) => EntryStatus.Proposed,
                _ => (EntryStatus?)null,
            };
            if (status is null) errors.Add(new(row.Row, table.HeaderOf("status"), "unknown-status", "Status must be 'listed', 'removed …' or 'proposed …'/'under consideration …'."));
            if (product is null || country is null || status is null) continue;
            var note = string.Join("; ", new[] { table.Value(row, "status"), table.Value(row, "notes") }.Where(s => s.Length > 0));
            // EO 13126 §1: products "mined, produced, or manufactured by forced or indentured child labor".
            entries.Add((new GoodsEntry(product, country.Value.Alpha2, country.Value.AsListed, false, false, true, Status: status.Value, StatusNote: note), row.Row));
        }
        return Finish(RiskListInfo.From(RiskListKind.Eo13126Products, source, sha), entries, errors);
    }

    /// <summary>An entity list: name, aliases (separated by ';' or '|'), country, source; also the CBP names layout (entity_name, address_or_country).</summary>
    public static ListImport<EntityList> ReadEntities(Stream file, RiskListSource source)
    {
        var (text, sha) = Load(file);
        var errors = new List<ListRowError>();
        var table = Table.Read(text, errors);
        var nameColumn = table?.First("name", "entityname");
        if (table is null || nameColumn is null)
        {
            if (table is not null) errors.Add(new(1, "name", "missing-column", "The header must have a 'name' column."));
            return Fail<EntityList>(errors);
        }
        var countryColumn = table.First("country", "addressorcountry");
        var merged = new Dictionary<string, EntityEntry>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            var name = table.Required(row, nameColumn, errors);
            if (name is null) continue;
            string? country = null;
            var place = countryColumn is null ? "" : table.Value(row, countryColumn);
            if (place.Length > 0)
            {
                // CBP gives places such as "Ciudad Victoria, Tamaulipas, Mexico": the country comes last.
                if (Countries.TryResolve(place, out var code) || Countries.TryResolve(place[(place.LastIndexOf(',') + 1)..], out code)) country = code;
                else { errors.Add(new(row.Row, table.HeaderOf(countryColumn!), "unknown-country", $"'{place}' is not a country name or ISO code.")); continue; }
            }
            var aliases = table.Value(row, "aliases").Split([';', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var entry = new EntityEntry(name, aliases, country, NullIfEmpty(table.Value(row, "entitytype", "type")),
                NullIfEmpty(table.Value(row, "source", "cbpentitystring")), NullIfEmpty(table.Value(row, "notes")));
            // The same entity on several rows (CBP repeats names across orders): one entry, all aliases.
            merged[entry.Key] = merged.TryGetValue(entry.Key, out var earlier)
                ? earlier with { Aliases = [.. earlier.Aliases.Union(aliases, StringComparer.OrdinalIgnoreCase)], Notes = earlier.Notes ?? entry.Notes }
                : entry;
        }
        if (errors.Count > 0) return Fail<EntityList>(errors);
        if (merged.Count == 0) return Fail<EntityList>([new(1, nameColumn, "empty-list", "The file has no entities.")]);
        return new(new EntityList(RiskListInfo.From(RiskListKind.Entity, source, sha), [.. merged.Values]), []);
    }

    private static List<(GoodsEntry, int)> FlagColumns(Table table, RiskListSource source, List<ListRowError> errors)
    {
        var entries = new List<(GoodsEntry, int)>();
        if (!table.Require(errors, "good", "country", "childlabor", "forcedlabor", "forcedchildlabor")) return entries;
        var editionColumn = table.First("edition", "year");
        foreach (var row in table.Rows)
        {
            if (editionColumn is not null && !string.Equals(table.Value(row, editionColumn), source.Edition, StringComparison.OrdinalIgnoreCase)) continue;
            var good = table.Required(row, "good", errors);
            var country = Country(table, row, "country", errors);
            var cl = Flag(table, row, "childlabor", errors);
            var fl = Flag(table, row, "forcedlabor", errors);
            var fcl = Flag(table, row, "forcedchildlabor", errors);
            var downstream = table.Has("downstreamgood") && table.Value(row, "downstreamgood").Length > 0 && Flag(table, row, "downstreamgood", errors) == true;
            (string Alpha2, string AsListed)? input = downstream ? Country(table, row, "inputproducedin", errors) : null;
            if (good is null || country is null || cl is null || fl is null || fcl is null || (downstream && input is null)) continue;
            entries.Add((new GoodsEntry(good, country.Value.Alpha2, country.Value.AsListed, cl.Value, fl.Value, fcl.Value,
                NullIfEmpty(table.Value(row, "sector")), downstream,
                downstream ? NullIfEmpty(table.Value(row, "inputgood")) ?? GoodNames.KnownInput(good) : null,
                input?.Alpha2), row.Row));
        }
        if (editionColumn is not null && entries.Count == 0 && errors.Count == 0)
            errors.Add(new(1, table.HeaderOf(editionColumn), "edition-not-found", $"No rows are of edition {source.Edition}."));
        return entries;
    }

    // Better Trade Tool: each of CL, FL, FCL holds the year ranges during which the good carried that flag
    // ("2009-Present", "2010-2018; 2020-"): an edition carries the flag when its year falls in a range.
    private static List<(GoodsEntry, int)> BetterTradeTool(Table table, RiskListSource source, List<ListRowError> errors)
    {
        var entries = new List<(GoodsEntry, int)>();
        if (!int.TryParse(source.Edition, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            errors.Add(new(1, "", "edition-not-year", "Better Trade Tool data is read for an edition year, such as 2024."));
            return entries;
        }
        var isoColumn = table.First("countryisocode");
        foreach (var row in table.Rows)
        {
            var good = table.Required(row, "good", errors);
            var country = isoColumn is not null && Countries.TryResolve(table.Value(row, isoColumn), out var iso)
                ? (iso, table.Value(row, "country"))
                : Country(table, row, "country", errors);
            var cl = YearRanges(table, row, "cl", year, errors);
            var fl = YearRanges(table, row, "fl", year, errors);
            var fcl = YearRanges(table, row, "fcl", year, errors);
            if (good is null || country is null || cl is null || fl is null || fcl is null || !(cl.Value || fl.Value || fcl.Value)) continue;
            entries.Add((new GoodsEntry(good, country.Value.Item1, country.Value.Item2, cl.Value, fl.Value, fcl.Value, NullIfEmpty(table.Value(row, "sector"))), row.Row));
        }
        return entries;
    }

    private static bool? YearRanges(Table table, CsvRow row, string column, int year, List<ListRowError> errors)
    {
        var text = table.Value(row, column);
        var listed = false;
        foreach (var range in text.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = range.Split(['-', '–'], 2, StringSplitOptions.TrimEntries);
            if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var from))
            {
                errors.Add(new(row.Row, table.HeaderOf(column), "not-year-range", $"'{range}' is not a year range such as 2009-2018 or 2012-Present."));
                return null;
            }
            var to = int.MaxValue;
            if (parts.Length == 2 && parts[1].Length > 0 && !parts[1].Equals("present", StringComparison.OrdinalIgnoreCase)
                && !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out to))
            {
                errors.Add(new(row.Row, table.HeaderOf(column), "not-year-range", $"'{range}' is not a year range such as 2009-2018 or 2012-Present."));
                return null;
            }
            listed |= year >= from && year <= to;
        }
        return listed;
    }

    private static (string Alpha2, string AsListed)? Country(Table table, CsvRow row, string column, List<ListRowError> errors)
    {
        var text = table.Required(row, column, errors);
        if (text is null) return null;
        if (Countries.TryResolve(text, out var alpha2)) return (alpha2, text);
        errors.Add(new(row.Row, table.HeaderOf(column), "unknown-country", $"'{text}' is not a country name or ISO code."));
        return null;
    }

    private static bool? Flag(Table table, CsvRow row, string column, List<ListRowError> errors)
    {
        switch (table.Value(row, column).ToLowerInvariant())
        {
            case "true" or "yes" or "y" or "1" or "x": return true;
            case "false" or "no" or "n" or "0" or "": return false;
            default:
                errors.Add(new(row.Row, table.HeaderOf(column), "not-boolean", $"'{table.Value(row, column)}' must be true or false."));
                return null;
        }
    }

    private static ListImport<GoodsList> Finish(RiskListInfo info, List<(GoodsEntry Entry, int Row)> entries, List<ListRowError> errors)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (entry, row) in entries)
        {
            if (!seen.TryAdd(entry.Key + "|" + entry.Status, row))
                errors.Add(new(row, "good", "duplicate-entry", $"{entry.Good} from {entry.CountryAsListed} is already on row {seen[entry.Key + "|" + entry.Status]}."));
        }
        if (errors.Count > 0) return Fail<GoodsList>(errors);
        if (entries.Count == 0) return Fail<GoodsList>([new(1, "good", "empty-list", "The file has no listed goods.")]);
        return new(new GoodsList(info, [.. entries.Select(e => e.Entry)]), []);
    }

    private static ListImport<T> Fail<T>(List<ListRowError> errors) where T : class => new(null, errors);

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;

    // UTF-8 (with or without BOM); CBP publishes Latin-1, which is taken when the bytes are not valid UTF-8.
    private static (string Text, string Sha256) Load(Stream file)
    {
        using var buffer = new MemoryStream();
        file.CopyTo(buffer);
        var bytes = buffer.ToArray();
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        string text;
        try { text = new UTF8Encoding(false, true).GetString(bytes); }
        catch (DecoderFallbackException) { text = Encoding.Latin1.GetString(bytes); }
        return (text.TrimStart('\uFEFF'), sha);
    }

    /// <summary>A CSV file with its header; columns are looked up by folded name ("Child_Labor" = "child_labor" = "childlabor").</summary>
    private sealed class Table
    {
        private readonly Dictionary<string, int> _columns;
        private readonly string[] _header;

        private Table(string[] header, List<CsvRow> rows)
        {
            _header = header;
            _columns = [];
            for (var i = 0; i < header.Length; i++) _columns.TryAdd(Fold(header[i]), i);
            Rows = rows;
        }

        public List<CsvRow> Rows { get; }

        public static Table? Read(string text, List<ListRowError> errors)
        {
            using var reader = new StringReader(text);
            var rows = CsvRows.Read(reader).Take(MaxRows + 2).ToList();
            if (rows.Count == 0) { errors.Add(new(1, "", "empty-file", "The file is empty.")); return null; }
            if (rows.Count > MaxRows + 1) { errors.Add(new(MaxRows + 2, "", "too-many-rows", $"A list may have at most {MaxRows} rows.")); return null; }
            return new Table([.. rows[0].Fields.Select(f => f.Trim())], rows.Skip(1).ToList());
        }

        public bool Has(params string[] columns) => columns.All(_columns.ContainsKey);

        public string? First(params string[] columns) => columns.FirstOrDefault(_columns.ContainsKey);

        public bool Require(List<ListRowError> errors, params string[] columns)
        {
            foreach (var missing in columns.Where(c => !_columns.ContainsKey(c)))
                errors.Add(new(1, missing, "missing-column", $"The header has no '{missing}' column (found: {string.Join(", ", _header)})."));
            return columns.All(_columns.ContainsKey);
        }

        public string Value(CsvRow row, params string[] columns)
        {
            foreach (var column in columns)
                if (_columns.TryGetValue(column, out var i)) return i < row.Fields.Count ? row.Fields[i].Trim() : "";
            return "";
        }

        public string? Required(CsvRow row, string column, List<ListRowError> errors)
        {
            var value = Value(row, column);
            if (value.Length > 0) return value;
            errors.Add(new(row.Row, HeaderOf(column), "required", $"'{HeaderOf(column)}' is required."));
            return null;
        }

        public string HeaderOf(string column) => _columns.TryGetValue(column, out var i) ? _header[i] : column;

        private static string Fold(string header) => new([.. header.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);
    }
}
