using Compliance.Domain.Common;

namespace Compliance.Web.Features.Grievances;

/// <summary>Limits on what a reporter or handler writes: generous for a real account, small enough that no one fills the database.</summary>
public static class GrievanceText
{
    public const int MaxDescription = 8000;
    public const int MaxWorkplace = 200;
    public const int MaxContact = 500;
    public const int MaxMessage = 4000;

    /// <summary>Trims, checks presence and length, and refuses control characters that have no place in text.</summary>
    public static string? Check(RuleViolations errors, string field, string? value, int max, bool required)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            if (required) errors.Add(field, "required", $"'{field}' is required.");
            return null;
        }
        if (text.Length > max)
            errors.Add(field, "too_long", $"'{field}' is {text.Length:N0} characters; the limit is {max:N0}.");
        else if (text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
            errors.Add(field, "control_characters", $"'{field}' contains control characters.");
        return text;
    }
}
