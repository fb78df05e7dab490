using System.Security.Cryptography;
using System.Text;

namespace Compliance.Domain.Common;

public enum AuditAction
{
    Created,
    Updated,
    Deleted,
}

/// <summary>
/// One change to a tenant's data. Append-only and hash-chained per organization: each event's hash covers
/// its content and the previous event's hash, so editing or deleting a stored event breaks the chain.
/// </summary>
public sealed class AuditEvent : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OrganizationId { get; set; }
    /// <summary>1, 2, 3… per organization, with no gaps.</summary>
    public long Sequence { get; set; }
    public DateTime OccurredAt { get; set; }
    /// <summary>Who made the change: a user's e-mail, "token:NAME", or "system".</summary>
    public required string Actor { get; set; }
    public AuditAction Action { get; set; }
    public required string EntityType { get; set; }
    public required string EntityId { get; set; }
    /// <summary>JSON object of the changed properties before the change (null when created).</summary>
    public string? Before { get; set; }
    /// <summary>JSON object of the changed properties after the change (null when deleted).</summary>
    public string? After { get; set; }
    public required string PreviousHash { get; set; }
    public required string Hash { get; set; }

    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    public string ComputeHash()
    {
        // Fields are length-prefixed so that no two different events serialize alike.
        var text = new StringBuilder();
        foreach (var field in new[]
                 {
                     PreviousHash, OrganizationId.ToString("N"), Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     OccurredAt.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                     Actor, Action.ToString(), EntityType, EntityId, Before ?? "\0", After ?? "\0",
                 })
        {
            text.Append(field.Length).Append(':').Append(field).Append(';');
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>Timestamps are kept to the microsecond: PostgreSQL stores no finer, and the hash must survive a round trip.</summary>
    public static DateTime TruncateToMicroseconds(DateTime value) =>
        new(value.Ticks - value.Ticks % 10, DateTimeKind.Utc);
}

/// <summary>The result of re-computing an organization's chain.</summary>
public sealed record ChainVerification(bool Intact, long EventsChecked, long? FirstBrokenSequence, Guid? FirstBrokenEventId, string? Problem);

/// <summary>Walks an organization's events in sequence order and stops at the first one whose link or content does not hold.</summary>
public sealed class AuditChainVerifier
{
    private string previousHash = AuditEvent.GenesisHash;
    private long expected = 1;
    private long checkedCount;
    private ChainVerification? broken;

    /// <summary>Checks the next event; false once the chain is broken.</summary>
    public bool Check(AuditEvent e)
    {
        if (broken is not null) return false;
        string? problem = null;
        if (e.Sequence != expected) problem = $"Event {expected} is missing (the next stored event is {e.Sequence}): an event was deleted.";
        else if (e.PreviousHash != previousHash) problem = $"Event {e.Sequence} does not link to the hash of event {e.Sequence - 1}.";
        else if (e.ComputeHash() != e.Hash) problem = $"Event {e.Sequence} was changed after it was written: its content no longer matches its hash.";
        if (problem is not null)
        {
            broken = new ChainVerification(false, checkedCount, expected, e.Id, problem);
            return false;
        }
        previousHash = e.Hash;
        expected++;
        checkedCount++;
        return true;
    }

    public ChainVerification Result => broken ?? new ChainVerification(true, checkedCount, null, null, null);

    public static ChainVerification Verify(IEnumerable<AuditEvent> eventsInSequence)
    {
        var verifier = new AuditChainVerifier();
        foreach (var e in eventsInSequence)
            if (!verifier.Check(e)) break;
        return verifier.Result;
    }
}
