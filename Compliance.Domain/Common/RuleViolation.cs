namespace Compliance.Domain.Common;

/// <summary>A broken rule on one field: what the user typed wrong, and why, in words they can act on.</summary>
public sealed record RuleViolation(string Field, string Code, string Message);

public sealed class RuleViolations : List<RuleViolation>
{
    public void Add(string field, string code, string message) => Add(new RuleViolation(field, code, message));

    public IDictionary<string, string[]> ToDictionary() =>
        this.GroupBy(v => v.Field).ToDictionary(g => g.Key, g => g.Select(v => v.Message).ToArray());
}
