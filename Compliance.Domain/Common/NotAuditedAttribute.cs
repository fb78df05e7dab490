namespace Compliance.Domain.Common;

/// <summary>
/// A property whose changes are bookkeeping, not business facts (for example a token's last-used time):
/// a change to it alone writes no audit event, and its value is left out of before/after snapshots.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class NotAuditedAttribute : Attribute;
