using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Compliance.Reports.Xlsx;

/// <summary>A column of a sheet: its header text and its width in Excel's character units.</summary>
public sealed record XlsxColumn(string Header, double Width);

/// <summary>
/// Forward-only XLSX writer: each sheet's XML goes through a small buffer straight into its zip entry, so
/// memory stays flat however many rows are written. Sheets are written one after another; the workbook,
/// styles and package parts that list them are written on <see cref="Dispose"/>.
/// Strings are inline (no shared-string table, which would grow with the data).
/// </summary>
public sealed class XlsxWriter : IDisposable
{
    private readonly ZipArchive _zip;
    private readonly CompressionLevel _compression;
    private readonly List<(string Name, int Columns, int Rows)> _sheets = [];
    private XlsxSheet? _current;
    private bool _disposed;

    /// <param name="output">Written forward only; need not be seekable.</param>
    /// <param name="compression">Fastest by default: Deflate dominates the cost and XML compresses well even so.</param>
    public XlsxWriter(Stream output, CompressionLevel compression = CompressionLevel.Fastest, bool leaveOpen = false)
    {
        _zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen, Encoding.UTF8);
        _compression = compression;
    }

    /// <summary>Finishes the previous sheet and starts a new one with a bold, frozen, filterable header row.</summary>
    public XlsxSheet AddSheet(string name, IReadOnlyList<XlsxColumn> columns)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ValidateSheetName(name);
        if (columns.Count is 0 or > XlsxSheet.MaxColumns)
            throw new ArgumentOutOfRangeException(nameof(columns), $"A sheet has 1 to {XlsxSheet.MaxColumns} columns.");
        FinishCurrent();
        var entry = _zip.CreateEntry($"xl/worksheets/sheet{_sheets.Count + 1}.xml", _compression);
        _current = new XlsxSheet(entry.Open(), columns, selected: _sheets.Count == 0);
        _sheets.Add((name, columns.Count, 0));
        return _current;
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        FinishCurrent();
        if (_sheets.Count == 0) throw new InvalidOperationException("A workbook needs at least one sheet.");
        WritePart("[Content_Types].xml", ContentTypes);
        WritePart("_rels/.rels", RootRelationships);
        WritePart("xl/workbook.xml", Workbook);
        WritePart("xl/_rels/workbook.xml.rels", WorkbookRelationships);
        WritePart("xl/styles.xml", XlsxStyles.Write);
        _zip.Dispose();
    }

    private void FinishCurrent()
    {
        if (_current is null) return;
        _sheets[^1] = _sheets[^1] with { Rows = _current.Finish() };
        _current = null;
    }

    private static void ValidateSheetName(string name)
    {
        // Excel's own rules; a workbook that breaks them opens only after "repair".
        if (string.IsNullOrWhiteSpace(name) || name.Length > 31 || name.IndexOfAny(['[', ']', ':', '*', '?', '/', '\\']) >= 0
            || name.StartsWith('\'') || name.EndsWith('\''))
            throw new ArgumentException($"'{name}' is not a valid sheet name (1 to 31 characters, none of []:*?/\\, no apostrophe at either end).", nameof(name));
    }

    private void WritePart(string path, Action<XmlWriter> write)
    {
        using var stream = _zip.CreateEntry(path, _compression).Open();
        using var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
        xml.WriteStartDocument(standalone: true);
        write(xml);
    }

    private const string MainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRelNs = "http://schemas.openxmlformats.org/package/2006/relationships";

    private void ContentTypes(XmlWriter xml)
    {
        xml.WriteStartElement("Types", "http://schemas.openxmlformats.org/package/2006/content-types");
        Default("rels", "application/vnd.openxmlformats-package.relationships+xml");
        Default("xml", "application/xml");
        Override("/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml");
        Override("/xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml");
        for (var i = 1; i <= _sheets.Count; i++)
            Override($"/xl/worksheets/sheet{i}.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml");
        xml.WriteEndElement();

        void Default(string extension, string type)
        {
            xml.WriteStartElement("Default");
            xml.WriteAttributeString("Extension", extension);
            xml.WriteAttributeString("ContentType", type);
            xml.WriteEndElement();
        }
        void Override(string part, string type)
        {
            xml.WriteStartElement("Override");
            xml.WriteAttributeString("PartName", part);
            xml.WriteAttributeString("ContentType", type);
            xml.WriteEndElement();
        }
    }

    private static void RootRelationships(XmlWriter xml)
    {
        xml.WriteStartElement("Relationships", PackageRelNs);
        Relationship(xml, "rId1", RelNs + "/officeDocument", "xl/workbook.xml");
        xml.WriteEndElement();
    }

    private void WorkbookRelationships(XmlWriter xml)
    {
        xml.WriteStartElement("Relationships", PackageRelNs);
        for (var i = 1; i <= _sheets.Count; i++) Relationship(xml, $"rId{i}", RelNs + "/worksheet", $"worksheets/sheet{i}.xml");
        Relationship(xml, $"rId{_sheets.Count + 1}", RelNs + "/styles", "styles.xml");
        xml.WriteEndElement();
    }

    private static void Relationship(XmlWriter xml, string id, string type, string target)
    {
        xml.WriteStartElement("Relationship");
        xml.WriteAttributeString("Id", id);
        xml.WriteAttributeString("Type", type);
        xml.WriteAttributeString("Target", target);
        xml.WriteEndElement();
    }

    private void Workbook(XmlWriter xml)
    {
        xml.WriteStartElement("workbook", MainNs);
        xml.WriteAttributeString("xmlns", "r", null, RelNs);
        xml.WriteStartElement("sheets");
        for (var i = 0; i < _sheets.Count; i++)
        {
            xml.WriteStartElement("sheet");
            xml.WriteAttributeString("name", _sheets[i].Name);
            xml.WriteAttributeString("sheetId", (i + 1).ToString());
            xml.WriteAttributeString("id", RelNs, $"rId{i + 1}");
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        // Excel keeps an autofilter's range in this hidden name; without it some versions drop the filter.
        xml.WriteStartElement("definedNames");
        for (var i = 0; i < _sheets.Count; i++)
        {
            xml.WriteStartElement("definedName");
            xml.WriteAttributeString("name", "_xlnm._FilterDatabase");
            xml.WriteAttributeString("localSheetId", i.ToString());
            xml.WriteAttributeString("hidden", "1");
            var (name, columns, rows) = _sheets[i];
            var last = XlsxSheet.ColumnName(columns - 1);
            xml.WriteString($"'{name.Replace("'", "''", StringComparison.Ordinal)}'!$A$1:${last}${rows}");
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndElement();
    }
}
