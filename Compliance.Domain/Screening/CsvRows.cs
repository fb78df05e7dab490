using System.Text;

namespace Compliance.Domain.Screening;

/// <summary>One CSV record: its 1-based line number in the file (header = 1) and its fields.</summary>
public sealed record CsvRow(int Row, IReadOnlyList<string> Fields);

/// <summary>
/// RFC 4180 reader (quoted fields, doubled quotes, line breaks inside quotes). The Domain takes no packages,
/// and risk-list files are small, so a plain reader is enough.
/// </summary>
public static class CsvRows
{
    public static IEnumerable<CsvRow> Read(TextReader reader)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var start = 1;
        var quoted = false;
        var any = false;
        int c;
        while ((c = reader.Read()) != -1)
        {
            var ch = (char)c;
            if (quoted)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"') { field.Append('"'); reader.Read(); }
                    else quoted = false;
                }
                else
                {
                    if (ch == '\n') line++;
                    field.Append(ch);
                }
                continue;
            }
            switch (ch)
            {
                case '"' when field.Length == 0: quoted = true; any = true; break;
                case ',': fields.Add(field.ToString()); field.Clear(); any = true; break;
                case '\r': break;
                case '\n':
                    if (any || field.Length > 0)
                    {
                        fields.Add(field.ToString());
                        yield return new CsvRow(start, fields);
                    }
                    fields = [];
                    field.Clear();
                    any = false;
                    line++;
                    start = line;
                    break;
                default: field.Append(ch); any = true; break;
            }
        }
        if (any || field.Length > 0)
        {
            fields.Add(field.ToString());
            yield return new CsvRow(start, fields);
        }
    }
}
