using System.Xml;

namespace Compliance.Reports.Xlsx;

/// <summary>The fixed styles part; the constants are indexes into its cellXfs, written as a cell's s attribute.</summary>
internal static class XlsxStyles
{
    public const int Header = 1;
    public const int Date = 2;
    public const int DateTime = 3;
    public const int Integer = 4;
    public const int Decimal = 5;
    /// <summary>Text shown as typed, like a leading apostrophe in Excel: the formula-injection guard.</summary>
    public const int QuotedText = 6;

    private const string DateFormat = "yyyy-mm-dd";
    private const string DateTimeFormat = "yyyy-mm-dd hh:mm:ss";

    public static void Write(XmlWriter xml)
    {
        xml.WriteStartElement("styleSheet", "http://schemas.openxmlformats.org/spreadsheetml/2006/main");

        xml.WriteStartElement("numFmts");
        xml.WriteAttributeString("count", "2");
        NumberFormat(164, DateFormat);
        NumberFormat(165, DateTimeFormat);
        xml.WriteEndElement();

        xml.WriteStartElement("fonts");
        xml.WriteAttributeString("count", "2");
        Font(bold: false);
        Font(bold: true);
        xml.WriteEndElement();

        // Fills 0 and 1 are reserved by Excel (none, gray125); 2 is the header's.
        xml.WriteStartElement("fills");
        xml.WriteAttributeString("count", "3");
        Fill("none", null);
        Fill("gray125", null);
        Fill("solid", "FFD9E1F2");
        xml.WriteEndElement();

        xml.WriteStartElement("borders");
        xml.WriteAttributeString("count", "2");
        Border(bottom: false);
        Border(bottom: true);
        xml.WriteEndElement();

        xml.WriteStartElement("cellStyleXfs");
        xml.WriteAttributeString("count", "1");
        xml.WriteStartElement("xf");
        Attributes(("numFmtId", "0"), ("fontId", "0"), ("fillId", "0"), ("borderId", "0"));
        xml.WriteEndElement();
        xml.WriteEndElement();

        xml.WriteStartElement("cellXfs");
        xml.WriteAttributeString("count", "7");
        CellFormat(numFmt: 0);
        CellFormat(numFmt: 0, font: 1, fill: 2, border: 1);
        CellFormat(numFmt: 164);
        CellFormat(numFmt: 165);
        CellFormat(numFmt: 1);
        CellFormat(numFmt: 4);
        CellFormat(numFmt: 0, quotePrefix: true);
        xml.WriteEndElement();

        xml.WriteStartElement("cellStyles");
        xml.WriteAttributeString("count", "1");
        xml.WriteStartElement("cellStyle");
        Attributes(("name", "Normal"), ("xfId", "0"), ("builtinId", "0"));
        xml.WriteEndElement();
        xml.WriteEndElement();

        xml.WriteEndElement();

        void NumberFormat(int id, string code)
        {
            xml.WriteStartElement("numFmt");
            Attributes(("numFmtId", id.ToString()), ("formatCode", code));
            xml.WriteEndElement();
        }
        void Font(bool bold)
        {
            xml.WriteStartElement("font");
            if (bold) xml.WriteElementString("b", null);
            Value("sz", "11");
            Value("name", "Calibri");
            Value("family", "2");
            xml.WriteEndElement();
        }
        void Fill(string pattern, string? rgb)
        {
            xml.WriteStartElement("fill");
            xml.WriteStartElement("patternFill");
            xml.WriteAttributeString("patternType", pattern);
            if (rgb is not null)
            {
                xml.WriteStartElement("fgColor");
                xml.WriteAttributeString("rgb", rgb);
                xml.WriteEndElement();
                xml.WriteStartElement("bgColor");
                xml.WriteAttributeString("indexed", "64");
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        void Border(bool bottom)
        {
            xml.WriteStartElement("border");
            xml.WriteElementString("left", null);
            xml.WriteElementString("right", null);
            xml.WriteElementString("top", null);
            xml.WriteStartElement("bottom");
            if (bottom)
            {
                xml.WriteAttributeString("style", "thin");
                xml.WriteStartElement("color");
                xml.WriteAttributeString("rgb", "FF8EA9DB");
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            xml.WriteElementString("diagonal", null);
            xml.WriteEndElement();
        }
        void CellFormat(int numFmt, int font = 0, int fill = 0, int border = 0, bool quotePrefix = false)
        {
            xml.WriteStartElement("xf");
            Attributes(("numFmtId", numFmt.ToString()), ("fontId", font.ToString()), ("fillId", fill.ToString()),
                ("borderId", border.ToString()), ("xfId", "0"));
            if (numFmt != 0) xml.WriteAttributeString("applyNumberFormat", "1");
            if (font != 0) xml.WriteAttributeString("applyFont", "1");
            if (fill != 0) xml.WriteAttributeString("applyFill", "1");
            if (border != 0) xml.WriteAttributeString("applyBorder", "1");
            if (quotePrefix) xml.WriteAttributeString("quotePrefix", "1");
            xml.WriteEndElement();
        }
        void Value(string element, string value)
        {
            xml.WriteStartElement(element);
            xml.WriteAttributeString("val", value);
            xml.WriteEndElement();
        }
        void Attributes(params ReadOnlySpan<(string Name, string Value)> attributes)
        {
            foreach (var (name, value) in attributes) xml.WriteAttributeString(name, value);
        }
    }
}
