using System.Reflection;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Serialization;
using Compliance.Domain.Common;
using Compliance.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Compliance.Web.Infrastructure.Persistence;

/// <summary>
/// Writes an <see cref="AuditEvent"/> for every create, update and delete of a tenant-owned entity, in the same
/// transaction as the change, chained to the organization's previous event.
/// </summary>
public sealed class AuditTrail(TimeProvider clock, IHttpContextAccessor? http = null)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Used when no one is signed in: seeding, background jobs.</summary>
    public const string SystemActor = "system";

    internal async Task<int> SaveWithAuditAsync(ComplianceDbContext db, Func<Task<int>> save, CancellationToken ct)
    {
        db.ChangeTracker.DetectChanges();
        var changes = db.ChangeTracker.Entries<ITenantOwned>()
            .Where(e => e.Entity is not AuditEvent && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Where(e => e.Metadata.ClrType.GetCustomAttribute<NotAuditedAttribute>() is null)
            .Select(Describe)
            .OfType<Change>()
            .ToList();
        if (changes.Count == 0) return await save();

        var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            db.AuditEvents.AddRange(await LinkAsync(db, changes, Actor(), ct));
            var written = await save();
            if (ownTransaction is not null) await ownTransaction.CommitAsync(ct);
            return written;
        }
        finally
        {
            if (ownTransaction is not null) await ownTransaction.DisposeAsync();
        }
    }

    /// <summary>
    /// Events for changes written without the change tracker (bulk import), chained like any other: the caller
    /// inserts them in its open transaction, which also holds the chain lock until it commits.
    /// </summary>
    internal Task<List<AuditEvent>> LinkBulkAsync(ComplianceDbContext db, IEnumerable<BulkChange> changes, string actor, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException("Bulk audit events must be written in the transaction of the changes.");
        return LinkAsync(db, [.. changes.Select(c => new Change(c.Action, c.EntityType, c.EntityId,
            c.Before is null ? null : Snapshot(c.Before), c.After is null ? null : Snapshot(c.After)))], actor, ct);
    }

    private async Task<List<AuditEvent>> LinkAsync(ComplianceDbContext db, IReadOnlyList<Change> changes, string actor, CancellationToken ct)
    {
        var organizationId = db.Tenant.RequiredOrganizationId;
        await db.LockAuditChainAsync(organizationId, ct);
        var last = await db.AuditEvents.AsNoTracking()
            .OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash })
            .FirstOrDefaultAsync(ct);
        var (sequence, previousHash) = last is null ? (0L, AuditEvent.GenesisHash) : (last.Sequence, last.Hash);
        var now = AuditEvent.TruncateToMicroseconds(clock.GetUtcNow().UtcDateTime);
        var events = new List<AuditEvent>(changes.Count);
        foreach (var change in changes)
        {
            var e = new AuditEvent
            {
                OrganizationId = organizationId,
                Sequence = ++sequence,
                OccurredAt = now,
                Actor = actor,
                Action = change.Action,
                EntityType = change.EntityType,
                EntityId = change.EntityId,
                Before = change.Before,
                After = change.After,
                PreviousHash = previousHash,
                Hash = "",
            };
            e.Hash = e.ComputeHash();
            previousHash = e.Hash;
            events.Add(e);
        }
        return events;
    }

    private string Actor() => ComplianceClaims.ActorOf(http?.HttpContext?.User) ?? SystemActor;

    private sealed record Change(AuditAction Action, string EntityType, string EntityId, string? Before, string? After);

    private static Change? Describe(EntityEntry<ITenantOwned> entry)
    {
        // Properties of complex types (e.g. a policy record) are audited under "Complex.Member".
        var audited = entry.Properties.Select(p => (Name: p.Metadata.Name, Entry: p))
            .Concat(entry.ComplexProperties.SelectMany(c => c.Properties.Select(p => (Name: $"{c.Metadata.Name}.{p.Metadata.Name}", Entry: p))))
            .Where(p => p.Entry.Metadata.PropertyInfo?.GetCustomAttribute<NotAuditedAttribute>() is null && !p.Entry.Metadata.IsShadowProperty())
            .ToList();
        var id = string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(k => entry.Property(k.Name).CurrentValue));
        var type = entry.Metadata.ClrType.Name;
        return entry.State switch
        {
            EntityState.Added => new Change(AuditAction.Created, type, id, null, Snapshot(audited, p => p.CurrentValue)),
            EntityState.Deleted => new Change(AuditAction.Deleted, type, id, Snapshot(audited, p => p.OriginalValue), null),
            _ => audited.Where(p => p.Entry.IsModified && !Equals(p.Entry.OriginalValue, p.Entry.CurrentValue) && !SameList(p.Entry)).ToList() is { Count: > 0 } changed
                ? new Change(AuditAction.Updated, type, id, Snapshot(changed, p => p.OriginalValue), Snapshot(changed, p => p.CurrentValue))
                : null,
        };
    }

    // Primitive collections compare by reference in Equals; compare their items.
    private static bool SameList(PropertyEntry p) =>
        p.OriginalValue is System.Collections.IEnumerable a and not string && p.CurrentValue is System.Collections.IEnumerable b and not string
        && a.Cast<object?>().SequenceEqual(b.Cast<object?>());

    private static string Snapshot(IEnumerable<(string Name, PropertyEntry Entry)> properties, Func<PropertyEntry, object?> value) =>
        Snapshot(properties.ToDictionary(p => p.Name, p => value(p.Entry)));

    private static string Snapshot(IReadOnlyDictionary<string, object?> values) =>
        JsonSerializer.Serialize(new SortedDictionary<string, object?>(values.ToDictionary(), StringComparer.Ordinal), Json);
}

/// <summary>A change written without the change tracker, described as the tracker would describe it (changed properties only).</summary>
public sealed record BulkChange(AuditAction Action, string EntityType, string EntityId,
    IReadOnlyDictionary<string, object?>? Before, IReadOnlyDictionary<string, object?>? After);
