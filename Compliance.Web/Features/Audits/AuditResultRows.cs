using System.Globalization;
using Compliance.Domain.Audits;
using Compliance.Web.Features.Suppliers.Import;

namespace Compliance.Web.Features.Audits;

/// <summary>
/// Reads audit-result spreadsheets (one row per finding, the audit's fields repeated on each row) as audit firms and
/// platforms export them: columns found by their usual names, values in the words people use ("amfori BSCI",
/// "semi-announced", "critical", "(b)(6)").
/// </summary>
public static class AuditResultRows
{
    public enum Field { SupplierReference, Scheme, Type, Announcement, Independent, AuditFirm, LeadAuditor, StartDate, EndDate, WorkersInterviewed, Rating, IloIndicator, FarActivity, Severity, Finding, Action, ActionOwner, ActionDueDate }

    private static readonly Dictionary<string, Field> Headers = new(StringComparer.Ordinal)
    {
        ["supplier reference"] = Field.SupplierReference, ["supplier ref"] = Field.SupplierReference, ["external reference"] = Field.SupplierReference,
        ["supplier id"] = Field.SupplierReference, ["supplier code"] = Field.SupplierReference, ["vendor no"] = Field.SupplierReference, ["vendor number"] = Field.SupplierReference,
        ["scheme"] = Field.Scheme, ["audit scheme"] = Field.Scheme, ["standard"] = Field.Scheme, ["audit standard"] = Field.Scheme,
        ["audit type"] = Field.Type, ["type"] = Field.Type,
        ["announcement"] = Field.Announcement, ["announcement type"] = Field.Announcement, ["announced"] = Field.Announcement,
        ["independent"] = Field.Independent, ["third party"] = Field.Independent, ["independent third party"] = Field.Independent,
        ["audit firm"] = Field.AuditFirm, ["audit company"] = Field.AuditFirm, ["audit body"] = Field.AuditFirm, ["firm"] = Field.AuditFirm,
        ["lead auditor"] = Field.LeadAuditor, ["auditor"] = Field.LeadAuditor,
        ["start date"] = Field.StartDate, ["audit start"] = Field.StartDate, ["audit start date"] = Field.StartDate,
        ["end date"] = Field.EndDate, ["audit end"] = Field.EndDate, ["audit end date"] = Field.EndDate, ["audit date"] = Field.EndDate,
        ["workers interviewed"] = Field.WorkersInterviewed, ["worker interviews"] = Field.WorkersInterviewed, ["interviews"] = Field.WorkersInterviewed,
        ["rating"] = Field.Rating, ["grade"] = Field.Rating, ["audit rating"] = Field.Rating,
        ["ilo indicator"] = Field.IloIndicator, ["ilo"] = Field.IloIndicator, ["indicator"] = Field.IloIndicator,
        ["far activity"] = Field.FarActivity, ["far"] = Field.FarActivity, ["prohibited activity"] = Field.FarActivity, ["far 52 222 50 b"] = Field.FarActivity,
        ["severity"] = Field.Severity, ["finding severity"] = Field.Severity, ["classification"] = Field.Severity,
        ["finding"] = Field.Finding, ["finding description"] = Field.Finding, ["description"] = Field.Finding, ["non compliance"] = Field.Finding, ["issue"] = Field.Finding,
        ["corrective action"] = Field.Action, ["action"] = Field.Action, ["cap"] = Field.Action,
        ["action owner"] = Field.ActionOwner, ["owner"] = Field.ActionOwner, ["responsible"] = Field.ActionOwner,
        ["due date"] = Field.ActionDueDate, ["action due date"] = Field.ActionDueDate, ["deadline"] = Field.ActionDueDate,
    };

    public static readonly Field[] Required = [Field.SupplierReference, Field.Scheme, Field.Announcement, Field.EndDate, Field.Severity, Field.Finding];

    /// <summary>Column of each recognized field; the first column wins when two carry the same name.</summary>
    public static Dictionary<Field, int> MapHeader(IReadOnlyList<string> header)
    {
        var map = new Dictionary<Field, int>();
        for (var i = 0; i < header.Count; i++)
            if (Headers.TryGetValue(ColumnMapping.Key(header[i]), out var field)) map.TryAdd(field, i);
        return map;
    }

    /// <summary>One row read into the audit and finding it describes, or the reasons it cannot be.</summary>
    public sealed record Parsed(
        int Row, string SupplierReference, AuditRequest Audit, FindingRequest Finding, CorrectiveActionRequest? Action, List<ImportError> Errors);

    public static Parsed Read(SheetRow row, IReadOnlyDictionary<Field, int> map, IReadOnlyList<string> header)
    {
        var errors = new List<ImportError>();
        string ColumnName(Field f) => map.TryGetValue(f, out var c) ? header[c] : f.ToString();
        void Error(Field f, string code, string message) => errors.Add(new(row.Number, ColumnName(f), code, $"Row {row.Number}, column '{ColumnName(f)}': {message}"));
        string Cell(Field f)
        {
            if (!map.TryGetValue(f, out var column) || column >= row.Cells.Length) return "";
            var value = row.Cells[column].Trim();
            if (!SupplierRows.IsSpreadsheetError(value)) return value;
            Error(f, "spreadsheet_error", $"'{value}' is a spreadsheet error value, not data.");
            return "";
        }
        T? Parse<T>(Field f, Func<string, T?> parse, string expected) where T : struct
        {
            var text = Cell(f);
            if (text.Length == 0) return null;
            var value = parse(ColumnMapping.Key(text));
            if (value is null) Error(f, "unknown_value", $"'{Clip(text)}' is not {expected}.");
            return value;
        }
        DateOnly? Date(Field f)
        {
            var text = Cell(f);
            if (text.Length == 0) return null;
            if (DateOnly.TryParseExact(text, ["yyyy-MM-dd", "yyyy-MM-ddTHH:mm:ss", "d MMM yyyy", "d MMMM yyyy", "yyyy/MM/dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
            if (DateTime.TryParseExact(text, "s", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)) return DateOnly.FromDateTime(t);
            // Day-first or month-first (03/04/2026) cannot be told apart: ask for an unambiguous form.
            Error(f, "date_format", $"'{Clip(text)}' is not a date in the form 2026-03-04 (or 4 Mar 2026).");
            return null;
        }

        var reference = Cell(Field.SupplierReference);
        if (reference.Length == 0) Error(Field.SupplierReference, "required", "the supplier's external reference is required.");
        var scheme = Parse(Field.Scheme, Scheme, "a known audit scheme (SMETA, amfori BSCI, RBA VAP, SA8000, internal, other)");
        var type = Parse(Field.Type, Type, "initial, follow-up or closure") ?? (Cell(Field.Type).Length == 0 ? AuditType.Initial : null);
        var announcement = Parse(Field.Announcement, Announcement, "announced, semi-announced or unannounced");
        var firm = Cell(Field.AuditFirm);
        var independent = Parse(Field.Independent, YesNo, "yes or no")
            ?? (Cell(Field.Independent).Length == 0 ? firm.Length > 0 && scheme != AuditScheme.Internal : null);
        var end = Date(Field.EndDate);
        var start = Date(Field.StartDate) ?? end;
        int? workers = null;
        if (Cell(Field.WorkersInterviewed) is { Length: > 0 } w)
        {
            if (int.TryParse(w, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)) workers = n;
            else Error(Field.WorkersInterviewed, "not_a_number", $"'{Clip(w)}' is not a whole number.");
        }
        var ilo = Parse(Field.IloIndicator, Ilo, "one of the 11 ILO indicators of forced labour (name or number 1–11)");
        var far = Parse(Field.FarActivity, Far, "a FAR 52.222-50(b) activity (e.g. '(b)(6)' or 'recruitment fees')");
        var severity = Parse(Field.Severity, Severity, "zero tolerance, major, minor or observation");

        var audit = new AuditRequest(null, scheme, type, announcement, independent, firm, Cell(Field.LeadAuditor), start, end, workers, Cell(Field.Rating));
        var finding = new FindingRequest(ilo, far, severity, Cell(Field.Finding));
        var actionText = Cell(Field.Action);
        var action = actionText.Length == 0 ? null : new CorrectiveActionRequest(actionText, Cell(Field.ActionOwner), Date(Field.ActionDueDate));
        return new Parsed(row.Number, reference, audit, finding, action, errors);
    }

    private static AuditScheme? Scheme(string key) =>
        key.Contains("smeta", StringComparison.Ordinal) || key.Contains("sedex", StringComparison.Ordinal) ? AuditScheme.Smeta
        : key.Contains("bsci", StringComparison.Ordinal) || key.Contains("amfori", StringComparison.Ordinal) ? AuditScheme.AmforiBsci
        : key.Contains("rba", StringComparison.Ordinal) || key.Contains("vap", StringComparison.Ordinal) || key.Contains("eicc", StringComparison.Ordinal) ? AuditScheme.RbaVap
        : key.Replace(" ", "", StringComparison.Ordinal) == "sa8000" ? AuditScheme.Sa8000
        : key == "internal" ? AuditScheme.Internal
        : key == "other" ? AuditScheme.Other
        : null;

    private static AuditType? Type(string key) => key switch
    {
        "initial" or "full" or "full initial" => AuditType.Initial,
        "follow up" or "followup" or "re audit" or "reaudit" => AuditType.FollowUp,
        "closure" or "closing" or "close out" => AuditType.Closure,
        _ => null,
    };

    private static AuditAnnouncement? Announcement(string key) => key switch
    {
        "announced" or "yes" => AuditAnnouncement.Announced,
        "semi announced" or "semiannounced" or "semi" or "window" => AuditAnnouncement.SemiAnnounced,
        "unannounced" or "no" => AuditAnnouncement.Unannounced,
        _ => null,
    };

    private static bool? YesNo(string key) => key switch
    {
        "yes" or "y" or "true" or "1" or "third party" or "independent" => true,
        "no" or "n" or "false" or "0" or "internal" => false,
        _ => null,
    };

    private static FindingSeverity? Severity(string key) => key switch
    {
        "zero tolerance" or "zt" or "critical" => FindingSeverity.ZeroTolerance,
        "major" => FindingSeverity.Major,
        "minor" => FindingSeverity.Minor,
        "observation" or "obs" or "best practice" => FindingSeverity.Observation,
        _ => null,
    };

    private static IloIndicator? Ilo(string key) =>
        int.TryParse(key, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && Enum.IsDefined((IloIndicator)n) ? (IloIndicator)n
        : Enum.GetValues<IloIndicator>().Cast<IloIndicator?>().FirstOrDefault(i => KeyOf(i!.Value) == key);

    private static FarProhibitedActivity? Far(string key)
    {
        // "(b)(6)", "b 6", "52.222-50(b)(6)" all come down to the paragraph number.
        var digits = key.Replace("52 222 50", "", StringComparison.Ordinal).Replace("b", "", StringComparison.Ordinal).Trim();
        if (int.TryParse(digits, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && Enum.IsDefined((FarProhibitedActivity)n)) return (FarProhibitedActivity)n;
        return Enum.GetValues<FarProhibitedActivity>().Cast<FarProhibitedActivity?>().FirstOrDefault(a => KeyOf(a!.Value) == key);
    }

    /// <summary>"RetentionOfIdentityDocuments" → "retention of identity documents".</summary>
    private static string KeyOf(Enum value) => ColumnMapping.Key(System.Text.RegularExpressions.Regex.Replace(value.ToString(), "(?<=[a-z])(?=[A-Z])", " "));

    private static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
