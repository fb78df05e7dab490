using System.Globalization;
using System.IO.Compression;
using System.Text;
using Compliance.Domain.Suppliers;
using CsvHelper;
using ExcelDataReader;

namespace Compliance.Web.Features.Suppliers.Import;

/// <summary>One row of a sheet: its number as the user sees it in the file (1 = first row), and its cells.</summary>
public readonly record struct SheetRow(int Number, string[] Cells)
{
    public bool IsBlank => Cells.All(string.IsNullOrWhiteSpace);
}

/// <summary>What was detected about an uploaded file: enough to read it again the same way.</summary>
public sealed record FileShape(ImportFormat Format, string? Encoding, string? Delimiter, IReadOnlyList<string> Sheets, string? Sheet)
{
    public string Describe() => Format == ImportFormat.Xlsx
        ? $"XLSX, sheet '{Sheet}'"
        : $"CSV, {Encoding}, delimiter {DelimiterName(Delimiter)}";

    public static string DelimiterName(string? d) => d switch { "\t" => "tab", ";" => "semicolon", "," => "comma", "|" => "pipe", _ => d ?? "" };
}

/// <summary>
/// Reads supplier files as rows of text: CSV (delimiter and encoding detected, RFC 4180 quoting) and XLSX
/// (a chosen or the first sheet). Whatever is wrong with the file as a whole is an <see cref="ImportFileException"/>.
/// </summary>
public static class SupplierFile
{
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] OleMagic = [0xD0, 0xCF, 0x11, 0xE0];

    static SupplierFile() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Detects format, encoding, delimiter and sheets. <paramref name="sheet"/> chooses an XLSX sheet by name.</summary>
    public static FileShape Inspect(string path, string? sheet, ImportLimits limits)
    {
        var length = new FileInfo(path).Length;
        if (length == 0) throw new ImportFileException("empty_file", "The file is empty (0 bytes).");
        if (length > limits.MaxFileBytes)
            throw new ImportFileException("file_too_large", $"The file is {length:N0} bytes; the limit is {limits.MaxFileBytes:N0}.");
        var head = new byte[Math.Min(length, 64 * 1024)];
        using (var stream = File.OpenRead(path)) stream.ReadExactly(head);

        if (head.AsSpan().StartsWith(ZipMagic)) return InspectXlsx(path, length, sheet, limits);
        if (head.AsSpan().StartsWith(OleMagic))
            throw new ImportFileException("unsupported_format", "This is a legacy Excel 97-2003 (.xls) workbook: save it as .xlsx or CSV and upload that.");
        var encoding = DetectEncoding(path, head);
        var delimiter = DetectDelimiter(path, encoding, limits);
        return new FileShape(ImportFormat.Csv, encoding, delimiter, [], null);
    }

    /// <summary>Stands for a non-blank cell that was not asked for (see <see cref="ReadRows"/>).</summary>
    public const string NotRead = "\u2026";

    /// <summary>
    /// Every row of the chosen sheet, the header included, numbered as in the file. With <paramref name="columns"/>, CSV
    /// cells of other columns are not turned into strings (they read as "" when blank, else <see cref="NotRead"/>):
    /// the passes that only count rows or collect references cost a fraction of a full read.
    /// </summary>
    public static IEnumerable<SheetRow> ReadRows(string path, FileShape shape, ImportLimits limits, IReadOnlySet<int>? columns = null) =>
        shape.Format == ImportFormat.Xlsx ? ReadXlsx(path, shape.Sheet!, limits) : ReadCsv(path, shape, limits, columns);

    // ---- CSV ----

    private static string DetectEncoding(string path, byte[] head)
    {
        var span = head.AsSpan();
        if (span.StartsWith<byte>([0xEF, 0xBB, 0xBF])) return CheckUtf8(path) ? "utf-8" : throw NotText();
        if (span.StartsWith<byte>([0xFF, 0xFE])) return "utf-16";
        if (span.StartsWith<byte>([0xFE, 0xFF])) return "utf-16BE";
        // UTF-16 without a byte order mark: every other byte of ASCII text is zero.
        int evenZeros = 0, oddZeros = 0;
        for (var i = 0; i < span.Length; i++)
            if (span[i] == 0) { if (i % 2 == 0) evenZeros++; else oddZeros++; }
        if (span.Length >= 4 && oddZeros > span.Length / 4 && evenZeros == 0) return "utf-16";
        if (span.Length >= 4 && evenZeros > span.Length / 4 && oddZeros == 0) return "utf-16BE";
        if (evenZeros + oddZeros > 0) throw NotText();
        if (CheckUtf8(path)) return "utf-8";
        // Not UTF-8: what Excel on Windows writes for "CSV (comma delimited)" in Western locales.
        return "windows-1252";
    }

    private static ImportFileException NotText() =>
        new("not_a_text_file", "The file is neither CSV text nor an XLSX workbook (it contains binary data). Export the supplier list as CSV or XLSX.");

    /// <summary>True when the whole file is valid UTF-8 (streamed in blocks; a sequence cut by a block end is carried over).</summary>
    private static bool CheckUtf8(string path)
    {
        var buffer = new byte[(1 << 20) + 4];
        var carried = 0;
        using var stream = File.OpenRead(path);
        int read;
        while ((read = stream.Read(buffer, carried, buffer.Length - 4 - carried)) > 0)
        {
            var length = carried + read;
            // Back up to the start of the last sequence if it may be incomplete (at most 3 bytes).
            var end = length;
            for (var back = 1; back <= 3 && back <= length; back++)
            {
                var b = buffer[length - back];
                if ((b & 0xC0) == 0x80) continue; // continuation byte
                if (b >= 0xC0) end = length - back; // lead byte: validate it with the next block
                break;
            }
            if (!System.Text.Unicode.Utf8.IsValid(buffer.AsSpan(0, end))) return false;
            carried = length - end;
            buffer.AsSpan(end, carried).CopyTo(buffer);
        }
        return System.Text.Unicode.Utf8.IsValid(buffer.AsSpan(0, carried));
    }

    private static Encoding? EncodingOf(string? name) => name switch
    {
        "utf-8" or null => null, // CsvHelper reads UTF-8 bytes in place
        "utf-16" => Encoding.Unicode,
        "utf-16BE" => Encoding.BigEndianUnicode,
        _ => Encoding.GetEncoding(name),
    };

    private static CsvReaderOptions CsvOptions(string? encoding, char? separator, ImportLimits limits, Action<CsvMalformedRecord> onMalformed) => new()
    {
        HasHeader = false,
        Separator = separator,
        Encoding = EncodingOf(encoding),
        SkipEmptyLines = false, // row numbers must match what a spreadsheet shows
        FieldCountMismatch = CsvFieldCountHandling.Allow,
        MissingField = CsvMissingFieldHandling.ReturnEmpty,
        MaxRecordSize = limits.MaxRecordBytes,
        OnMalformedRecord = onMalformed,
        DetectSeparatorHint = true,
    };

    private static string DetectDelimiter(string path, string encoding, ImportLimits limits)
    {
        try
        {
            using var reader = CsvReader.Create(File.OpenRead(path), CsvOptions(encoding, null, limits, _ => { }), leaveOpen: false);
            return reader.Separator.ToString();
        }
        catch (CsvFormatException e)
        {
            throw Malformed(e);
        }
    }

    private static IEnumerable<SheetRow> ReadCsv(string path, FileShape shape, ImportLimits limits, IReadOnlySet<int>? columns)
    {
        CsvMalformedRecord? unterminated = null;
        var options = CsvOptions(shape.Encoding, shape.Delimiter![0], limits, m =>
        {
            if (m.Reason == CsvMalformedReason.UnterminatedQuote) unterminated ??= m;
        });
        using var reader = CsvReader.Create(File.OpenRead(path), options, leaveOpen: false);
        var number = 0;
        while (true)
        {
            try
            {
                if (!reader.Read()) break;
            }
            catch (CsvFormatException e)
            {
                throw Malformed(e);
            }
            if (unterminated is { } bad)
                throw new ImportFileException("unterminated_quote",
                    $"Row {bad.RecordNumber}: a quoted field opens with \" and is never closed, so the rest of the file would be one cell. Close the quote (or double a quote inside a field: \"\") and upload again.");
            number++;
            if (number > limits.MaxRows + 1)
                throw new ImportFileException("too_many_rows", $"The file has more than {limits.MaxRows:N0} rows; split it into several files.");
            var count = reader.FieldCount;
            if (count > limits.MaxColumns)
                throw new ImportFileException("too_many_columns", $"Row {number} has {count:N0} columns; the limit is {limits.MaxColumns}.");
            var cells = new string[count];
            for (var i = 0; i < count; i++)
            {
                if (columns is not null && !columns.Contains(i))
                {
                    var span = reader.GetSpan(i);
                    if (span.Length > limits.MaxCellLength && Encoding.UTF8.GetCharCount(span) is var chars && chars > limits.MaxCellLength)
                        throw CellTooLong(number, i, chars, limits);
                    cells[i] = span.Trim(" \t\r\n"u8).IsEmpty ? "" : NotRead;
                    continue;
                }
                var value = reader.GetString(i) ?? "";
                if (value.Length > limits.MaxCellLength) throw CellTooLong(number, i, value.Length, limits);
                cells[i] = value;
            }
            yield return new SheetRow(number, cells);
        }
    }

    private static ImportFileException Malformed(CsvFormatException e) =>
        new("malformed_csv", e.RecordNumber > 0
            ? $"Row {e.RecordNumber} cannot be read as CSV: {e.Message} (a row over the size limit, or an unterminated quote, stops the file here)."
            : $"The file cannot be read as CSV: {e.Message}");

    private static ImportFileException CellTooLong(int row, int column, int length, ImportLimits limits) =>
        new("cell_too_long", $"Row {row}, column {column + 1}: the cell is {length:N0} characters; the limit is {limits.MaxCellLength:N0}.");

    // ---- XLSX ----

    private static FileShape InspectXlsx(string path, long length, string? sheet, ImportLimits limits)
    {
        GuardZip(path, length, limits);
        var sheets = new List<string>();
        try
        {
            using var stream = File.OpenRead(path);
            using var reader = ExcelReaderFactory.CreateOpenXmlReader(stream);
            do sheets.Add(reader.Name); while (reader.NextResult());
        }
        catch (Exception e) when (e is InvalidDataException or IOException or ExcelDataReader.Exceptions.ExcelReaderException or InvalidOperationException or System.Xml.XmlException)
        {
            throw new ImportFileException("malformed_xlsx", "The file is a zip archive but not a readable XLSX workbook. Open it in Excel and save it as .xlsx again.");
        }
        var chosen = sheet is null or "" ? sheets[0] : sheets.FirstOrDefault(s => string.Equals(s, sheet.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new ImportFileException("unknown_sheet", $"The workbook has no sheet '{sheet}'. Its sheets: {string.Join(", ", sheets.Select(s => $"'{s}'"))}.");
        return new FileShape(ImportFormat.Xlsx, null, null, sheets, chosen);
    }

    /// <summary>Counts the real inflated bytes of every entry (declared sizes can lie) before any XML parser sees them.</summary>
    private static void GuardZip(string path, long length, ImportLimits limits)
    {
        try
        {
            using var zip = ZipFile.OpenRead(path);
            if (zip.Entries.Count > limits.MaxXlsxEntries)
                throw new ImportFileException("xlsx_too_many_entries", $"The workbook has {zip.Entries.Count:N0} parts; the limit is {limits.MaxXlsxEntries:N0}.");
            var limit = Math.Min(limits.MaxXlsxUncompressedBytes, Math.Max(length, 1) * limits.MaxXlsxExpansionRatio);
            long total = 0;
            var buffer = new byte[81920];
            foreach (var entry in zip.Entries)
            {
                using var content = entry.Open();
                int read;
                while ((read = content.Read(buffer)) > 0)
                {
                    total += read;
                    if (total > limit)
                        throw new ImportFileException("xlsx_expansion_too_large",
                            $"The workbook inflates to more than {limit:N0} bytes ({limits.MaxXlsxExpansionRatio}× its size or {limits.MaxXlsxUncompressedBytes:N0} bytes at most): refused as a possible zip bomb.");
                }
            }
        }
        catch (InvalidDataException)
        {
            throw new ImportFileException("malformed_xlsx", "The file looks like an XLSX workbook but its zip structure is damaged.");
        }
    }

    private static IEnumerable<SheetRow> ReadXlsx(string path, string sheet, ImportLimits limits)
    {
        using var stream = File.OpenRead(path);
        using var reader = ExcelReaderFactory.CreateOpenXmlReader(stream);
        while (!string.Equals(reader.Name, sheet, StringComparison.OrdinalIgnoreCase))
            if (!reader.NextResult()) throw new ImportFileException("unknown_sheet", $"The workbook has no sheet '{sheet}'.");
        var number = 0;
        while (reader.Read())
        {
            number++;
            if (number > limits.MaxRows + 1)
                throw new ImportFileException("too_many_rows", $"The sheet has more than {limits.MaxRows:N0} rows; split it into several files.");
            var count = reader.FieldCount;
            // Trailing empty cells (formatting that Excel keeps) do not count as columns.
            while (count > 0 && reader.GetValue(count - 1) is null) count--;
            if (count > limits.MaxColumns)
                throw new ImportFileException("too_many_columns", $"Row {number} has {count:N0} columns; the limit is {limits.MaxColumns}.");
            var cells = new string[count];
            for (var i = 0; i < count; i++)
            {
                var value = CellText(reader.GetValue(i));
                if (value.Length > limits.MaxCellLength) throw CellTooLong(number, i, value.Length, limits);
                cells[i] = value;
            }
            yield return new SheetRow(number, cells);
        }
    }

    /// <summary>Cells as the user reads them: whole numbers without ".0" (vendor numbers, DUNS), dates as ISO.</summary>
    private static string CellText(object? value) => value switch
    {
        null => "",
        string s => s,
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => ((long)d).ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateTime t => t.TimeOfDay == TimeSpan.Zero ? t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : t.ToString("s", CultureInfo.InvariantCulture),
        bool b => b ? "TRUE" : "FALSE",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
