namespace Compliance.Domain.Common;

/// <summary>
/// A property whose changes are bookkeeping, not business facts (for example a token's last-used time):
/// a change to it alone writes no audit event, and its value is left out of before/after snapshots.
/// On an entity class: rows the system derives (screening runs and hits, recomputed from the supplier record and the
/// lists on every run) write no audit events at all; the human facts about them are audited where they are kept.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Class)]
public sealed class NotAuditedAttribute : Attribute;
