using Compliance.Domain.Common;

namespace Compliance.Domain.Screening;

/// <summary>
/// Reference data shared by all organizations (owner null: the platform's lists) or visible to one organization only
/// (its own entity lists). The persistence layer filters reads to "platform or mine" and refuses every update.
/// </summary>
public interface IPlatformOrOwned
{
    Guid? OwnerOrganizationId { get; set; }
}

/// <summary>One immutable, stored edition of a risk list, with the SHA-256 of the exact file it was read from.</summary>
public sealed class RiskList : IPlatformOrOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    /// <summary>Null for platform lists (bundled DOL editions, EO 13126, CBP names); else the organization that imported it.</summary>
    public Guid? OwnerOrganizationId { get; set; }
    public RiskListKind Kind { get; set; }
    public required string Name { get; set; }
    public required string Edition { get; set; }
    public required string Source { get; set; }
    public required string Sha256 { get; set; }
    public DateOnly? Published { get; set; }
    public bool IsPartial { get; set; }
    public string? Notes { get; set; }
    public string? FileName { get; set; }
    public int EntryCount { get; set; }
    public required string ImportedBy { get; set; }
    public DateTime ImportedAt { get; set; }

    public RiskListInfo Info => new(Kind, Name, Edition, Source, Sha256, Published, IsPartial, Notes);
}

/// <summary>A row of a stored edition: a good (or product) × country with its flags, or a named entity with aliases.</summary>
public sealed class RiskListEntry : IPlatformOrOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid RiskListId { get; set; }
    /// <summary>The list's owner, repeated so that entries are filtered like their list.</summary>
    public Guid? OwnerOrganizationId { get; set; }
    /// <summary>Identity across editions (<see cref="GoodsEntry.Key"/> or <see cref="EntityEntry.Key"/>).</summary>
    public required string Key { get; set; }
    /// <summary>Changes when anything a reviewer relied on changes.</summary>
    public required string Fingerprint { get; set; }
    public string? Good { get; set; }
    public string? Country { get; set; }
    public string? CountryAsListed { get; set; }
    public bool ChildLabor { get; set; }
    public bool ForcedLabor { get; set; }
    public bool ForcedChildLabor { get; set; }
    public string? Sector { get; set; }
    public bool Downstream { get; set; }
    public string? InputGood { get; set; }
    public string? InputCountry { get; set; }
    public EntryStatus Status { get; set; } = EntryStatus.Listed;
    public string? StatusNote { get; set; }
    public string? EntityName { get; set; }
    public List<string> Aliases { get; set; } = [];
    public string? EntityType { get; set; }
    public string? EntitySource { get; set; }
    public string? Notes { get; set; }

    public static RiskListEntry From(Guid listId, Guid? owner, GoodsEntry e) => new()
    {
        RiskListId = listId, OwnerOrganizationId = owner, Key = e.Key, Fingerprint = e.Fingerprint, Good = e.Good, Country = e.Country,
        CountryAsListed = e.CountryAsListed, ChildLabor = e.ChildLabor, ForcedLabor = e.ForcedLabor, ForcedChildLabor = e.ForcedChildLabor,
        Sector = e.Sector, Downstream = e.Downstream, InputGood = e.InputGood, InputCountry = e.InputCountry, Status = e.Status, StatusNote = e.StatusNote,
    };

    public static RiskListEntry From(Guid listId, Guid? owner, EntityEntry e) => new()
    {
        RiskListId = listId, OwnerOrganizationId = owner, Key = e.Key, Fingerprint = e.Fingerprint, EntityName = e.Name, Aliases = [.. e.Aliases],
        Country = e.Country, EntityType = e.EntityType, EntitySource = e.Source, Notes = e.Notes,
    };

    public GoodsEntry ToGoods() => new(Good ?? "", Country ?? "", CountryAsListed ?? Country ?? "", ChildLabor, ForcedLabor, ForcedChildLabor,
        Sector, Downstream, InputGood, InputCountry, Status, StatusNote);

    public EntityEntry ToEntity() => new(EntityName ?? "", Aliases, Country, EntityType, EntitySource, Notes);
}

public enum ScreeningRunStatus { Queued, Running, Completed, Failed }

/// <summary>Why a run happened. Manual, Nightly and NewListEdition runs screen every supplier; the others only the suppliers concerned.</summary>
public enum ScreeningTrigger { Manual, Nightly, NewListEdition, SupplierImport, SupplierSaved }

/// <summary>One screening of an organization's suppliers against the current editions; queued, then run by a background worker.</summary>
/// <remarks>Not audited: a run is the system's bookkeeping; who asked for it is in <see cref="RequestedBy"/>.</remarks>
[NotAudited]
public sealed class ScreeningRun : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OrganizationId { get; set; }
    public ScreeningTrigger Trigger { get; set; }
    public ScreeningRunStatus Status { get; set; } = ScreeningRunStatus.Queued;
    public required string RequestedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    [NotAudited] public DateTime? StartedAt { get; set; }
    [NotAudited] public DateTime? CompletedAt { get; set; }
    /// <summary>The editions screened against, as "name edition" lines, so that a run says what it checked.</summary>
    [NotAudited] public string? Editions { get; set; }
    [NotAudited] public int SuppliersScreened { get; set; }
    [NotAudited] public int HitsFound { get; set; }
    [NotAudited] public int NewHits { get; set; }
    [NotAudited] public int ChangedHits { get; set; }
    [NotAudited] public int ClearedHits { get; set; }
    [NotAudited] public string? Error { get; set; }
    [NotAudited] public string? ClaimedBy { get; set; }
    [NotAudited] public DateTime? LeaseUntil { get; set; }
    [NotAudited] public int Attempts { get; set; }
}

/// <summary>
/// A stored screening hit. A hit stays one row while re-screens find the same supplier field matching the same,
/// unchanged list entry; when the entry changes, or the hit goes away, the row is closed (<see cref="ClearedAt"/>)
/// and kept as history, and a changed entry opens a new row that points back to it.
/// Not audited: hits are derived from the supplier record and the lists, and their rows are their own history; a
/// reviewer's decision is audited as the <see cref="ScreeningDecision"/> it adds.
/// </summary>
[NotAudited]
public sealed class RecordedHit : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OrganizationId { get; set; }
    public Guid SupplierId { get; set; }
    public Guid? SupplierProductId { get; set; }
    public Guid RiskListId { get; set; }
    public Guid? RiskListEntryId { get; set; }
    public HitKind Kind { get; set; }
    public RiskListKind ListKind { get; set; }
    public required string ListName { get; set; }
    public required string Edition { get; set; }
    public string? Good { get; set; }
    public string? EntityName { get; set; }
    public string? Country { get; set; }
    public bool ChildLabor { get; set; }
    public bool ForcedLabor { get; set; }
    public bool ForcedChildLabor { get; set; }
    public bool Downstream { get; set; }
    public double Score { get; set; }
    public required string MatchedOn { get; set; }
    public required string MatchedText { get; set; }
    public required string Rule { get; set; }
    public required string Explanation { get; set; }
    public required string EntryKey { get; set; }
    public required string EntryFingerprint { get; set; }
    public required string DecisionKey { get; set; }
    public HitStatus Status { get; set; } = HitStatus.Open;
    /// <summary>The entry changed since a reviewer decided on this question: the hit was opened again.</summary>
    public bool EntryChanged { get; set; }
    public string? DecidedBy { get; set; }
    public DateTime? DecidedAt { get; set; }
    public string? DecisionReason { get; set; }
    public Guid FirstRunId { get; set; }
    public DateTime FirstSeenAt { get; set; }
    [NotAudited] public Guid LastRunId { get; set; }
    [NotAudited] public DateTime LastSeenAt { get; set; }
    public DateTime? ClearedAt { get; set; }
    /// <summary>The closed row this one replaces (the same question, asked of a changed entry).</summary>
    public Guid? PreviousHitId { get; set; }

    public bool IsCurrent => ClearedAt is null;

    public ScreeningHit ToHit() => new(SupplierId.ToString(), Kind, ListKind, ListName, Edition, Good, EntityName, Country, ChildLabor, ForcedLabor,
        ForcedChildLabor, Downstream, Score, MatchedOn, MatchedText, Rule, Explanation, EntryKey, EntryFingerprint);
}

/// <summary>A reviewer's decision, kept for good: the hit carries the latest, this table the history (and the memory re-screens use).</summary>
public sealed class ScreeningDecision : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OrganizationId { get; set; }
    public Guid HitId { get; set; }
    public Guid SupplierId { get; set; }
    public required string DecisionKey { get; set; }
    public required string EntryFingerprint { get; set; }
    public HitStatus Status { get; set; }
    public string? Reason { get; set; }
    public required string DecidedBy { get; set; }
    public DateTime DecidedAt { get; set; }

    public ReviewDecision ToDecision() => new(DecisionKey, EntryFingerprint, Status, DecidedBy, new DateTimeOffset(DateTime.SpecifyKind(DecidedAt, DateTimeKind.Utc)), Reason);
}
