using System.Runtime.ExceptionServices;
using System.Text.Json;
using System.Threading.Channels;
using Compliance.Domain.Common;
using Compliance.Domain.Suppliers;
using Compliance.Web.Infrastructure.Persistence;
using Compliance.Web.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace Compliance.Web.Features.Suppliers.Import;

/// <summary>The worker lost its claim on an import (its lease ran out and another instance took it over).</summary>
public sealed class ImportLeaseLostException(Guid importId) : Exception($"The claim on import {importId} was lost to another worker.");

/// <summary>Told after each committed batch: progress for the log (and the seam where tests simulate a crash).</summary>
public interface IImportObserver
{
    Task BatchCommittedAsync(Guid importId, int batchNumber, int nextRow, CancellationToken ct);
}

public sealed class LoggingImportObserver(ILogger<LoggingImportObserver> log) : IImportObserver
{
    public Task BatchCommittedAsync(Guid importId, int batchNumber, int nextRow, CancellationToken ct)
    {
        log.LogDebug("Import {ImportId}: batch {Batch} committed, resuming point row {NextRow}", importId, batchNumber, nextRow);
        return Task.CompletedTask;
    }
}

/// <summary>
/// Runs one claimed import from its resuming point to the end. Each batch (its suppliers, products, issues,
/// rejected rows, audit events and the progress counters) commits in one transaction, so after a crash the
/// next worker starts at the first uncommitted row and every row is written exactly once.
/// </summary>
public sealed class RunImport(
    ComplianceDbContext db, IImportFileStore files, ISupplierBatchWriter writer, Infrastructure.Persistence.AuditTrail audit, ISupplierScreening screening,
    IImportObserver observer, IOptions<ImportLimits> options, TimeProvider clock, ILogger<RunImport> log)
{
    private readonly ImportLimits limits = options.Value;
    private ColumnMapping? mapping;

    private sealed class Progress
    {
        public int Processed, Added, Updated, Unchanged, Rejected, Warnings;

        public void Add(Progress other)
        {
            Processed += other.Processed;
            Added += other.Added;
            Updated += other.Updated;
            Unchanged += other.Unchanged;
            Rejected += other.Rejected;
            Warnings += other.Warnings;
        }
    }

    private sealed record ForwardLink(int Row, string Child, string Parent);

    /// <summary>A data row read and checked on the reading thread, with what the writing thread needs precomputed.</summary>
    private sealed record PreparedRow(SupplierRow Row, int FirstRow, Supplier? Candidate, DuplicateKeys Keys);

    private sealed class PreparedBatch(int capacity)
    {
        public List<PreparedRow> Rows { get; } = new(capacity);
        public int NextRow { get; set; }
    }

    /// <summary>Imports the file, then screens what it added or changed.</summary>
    public async Task RunAsync(Guid importId, string worker, CancellationToken ct)
    {
        await ImportAsync(importId, worker, ct);
        await ScreenAsync(importId, ct);
    }

    /// <summary>
    /// The import proper. One thread reads, parses and checks rows and builds the suppliers (no database); the other
    /// looks up and decides each chunk, then writes it and commits batches with their progress (on SQLite the writing
    /// runs one chunk behind the deciding, on a third thread). A bounded channel of two chunks between the first two keeps
    /// memory flat. Crash safety is unchanged: only the writing commits, batch by batch, in file order.
    /// </summary>
    public async Task ImportAsync(Guid importId, string worker, CancellationToken ct)
    {
        // One connection for the whole import. On SQLite it gets a larger page cache while it imports: with the default
        // 2 MB, a million rows into six indexes rewrite the same index pages to the WAL again and again. The pooled
        // connection gets the default back afterwards.
        await db.Database.OpenConnectionAsync(ct);
        var sqlite = db.Database.IsSqlite();
        try
        {
            var cacheSize = "PRAGMA cache_size = -" + (limits.SqliteCacheMegabytes * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (sqlite) await db.Database.ExecuteSqlRawAsync(cacheSize, ct);
            await ImportOpenAsync(importId, worker, ct);
        }
        finally
        {
            // A failure here must not hide the import's own: a pooled connection that keeps the larger cache costs memory only.
            if (sqlite)
                try { await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -2000", CancellationToken.None); }
                catch (Exception e) { log.LogWarning(e, "Could not give the import's SQLite connection its default page cache back"); }
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task ImportOpenAsync(Guid importId, string worker, CancellationToken ct)
    {
        var import = await db.SupplierImports.AsNoTracking().FirstAsync(i => i.Id == importId, ct);
        var path = await files.LocalPathAsync(import.FileKey, ct);
        var shape = new FileShape(import.Format, import.Encoding, import.Delimiter, [], import.Sheet);
        var rows = SupplierFile.ReadRows(path, shape, limits);
        var headers = JsonSerializer.Deserialize<string[]>(import.Headers)!;
        var mapping = this.mapping = ColumnMapping.FromStored(headers, import.Mapping, MappingSource.Explicit);
        var sheetProducts = ProductSheetOf(path, import);
        var hasParents = mapping.ColumnOf(ImportFields.ParentExternalReference) is not null;

        // Where each reference first appears: later rows with it are duplicates. Only a file with a parent column is
        // read through first (a parent may be defined further down); otherwise the map fills as the rows are read.
        var firstRow = new FirstRows(import.TotalRows);
        if (hasParents)
        {
            var referenceColumn = new HashSet<int> { mapping.ColumnOf(ImportFields.ExternalReference) ?? -1 };
            foreach (var row in SheetLayout.DataRows(SupplierFile.ReadRows(path, shape, limits, referenceColumn), import.HeaderRow))
            {
                var reference = SupplierRows.ReferenceOf(row, mapping);
                if (reference.Length > 0) firstRow.GetOrAdd(reference, row.Number);
            }
        }

        // The organization's suppliers: for likely duplicates, and to look up in the database only references that may exist.
        var existingCount = await db.Suppliers.CountAsync(ct);
        var duplicates = new LikelyDuplicates(import.SupplierIdFor, suppliers: existingCount, keys: existingCount + import.TotalRows + import.TotalRows / 3);
        var known = new HashSlots(existingCount);
        await foreach (var s in db.Suppliers.AsNoTracking()
                           .Select(s => new { s.Id, s.ExternalReference, s.Name, s.Country, s.Lei, s.Duns, s.Uscc }).AsAsyncEnumerable().WithCancellation(ct))
        {
            duplicates.Add(s.Id, s.Name, s.Country, s.Lei, s.Duns, s.Uscc);
            known.TryAdd(LikelyDuplicates.Hash(s.ExternalReference), 0);
        }

        var rejectedBefore = (await db.SupplierImportRejections.AsNoTracking()
            .Where(r => r.ImportId == importId && r.Row < import.NextRow).Select(r => r.Row).ToListAsync(ct)).ToHashSet();
        var resumedLinks = new List<ForwardLink>();
        var forward = new List<ForwardLink>();
        var batchNumber = 0;

        // Rows travel between the threads in chunks of the writer's size: memory stays flat however large a transaction is.
        var chunkSize = Math.Min(limits.BatchSize, writer.ChunkRows);
        var channel = Channel.CreateBounded<PreparedBatch>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        Exception? readError = null;
        var reader = Task.Run(async () =>
        {
            try
            {
                var pending = new PreparedBatch(chunkSize);
                foreach (var row in SheetLayout.DataRows(rows, import.HeaderRow))
                {
                    stop.Token.ThrowIfCancellationRequested();
                    var reference = SupplierRows.ReferenceOf(row, mapping);
                    var first = row.Number;
                    // Only without a parent column does this add: with one, the map is complete and only read here.
                    if (reference.Length > 0) first = firstRow.GetOrAdd(reference, row.Number);
                    if (row.Number < import.NextRow)
                    {
                        // Committed before a restart: only the links to parents further down are still to be made.
                        if (!hasParents || rejectedBefore.Contains(row.Number)) continue;
                        var done = SupplierRows.Read(row, mapping);
                        if (done.ParentExternalReference is { } p && firstRow.RowOf(p) > row.Number)
                            resumedLinks.Add(new ForwardLink(row.Number, done.ExternalReference, p));
                        continue;
                    }
                    pending.Rows.Add(Prepare(SupplierRows.Read(row, mapping, sheetProducts?.GetValueOrDefault(reference)), first));
                    if (pending.Rows.Count < chunkSize) continue;
                    pending.NextRow = row.Number + 1;
                    await channel.Writer.WriteAsync(pending, stop.Token);
                    pending = new PreparedBatch(chunkSize);
                }
                if (pending.Rows.Count > 0)
                {
                    pending.NextRow = pending.Rows[^1].Row.Row + 1;
                    await channel.Writer.WriteAsync(pending, stop.Token);
                }
            }
            catch (Exception e)
            {
                readError = e; // rethrown on the writing thread once the batches read before it are committed
            }
            finally
            {
                channel.Writer.Complete();
            }
        }, CancellationToken.None);

        // A transaction spans chunks until it holds BatchSize rows or has been open MaxTransactionTime: its commit writes
        // every index page the rows touched, so fewer, larger commits write far less (the pages of the name indexes are
        // touched by every chunk), while the time bound caps how long SQLite's other writers wait for the import.
        // On SQLite, chunks are decided on this thread and written on another, one behind: SQLite's work (in this process)
        // on one chunk runs beside the deciding of the next (1M rows: 31 -> 27 s). On PostgreSQL the server needs the
        // second core, and a third busy thread only took it from it (0.71-0.79x of \copy before, 0.66x with it): there
        // each chunk is written before the next is decided, as before.
        IDbContextTransaction? transaction = null;
        var progress = new Progress();
        var inTransaction = 0;
        var firstInTransaction = 0;
        var began = 0L;
        var nextRow = 0;
        DateTime now = default;
        async Task CommitAsync()
        {
            await writer.FlushAsync(db, ct);
            await RecordCreatedAsync(import, firstInTransaction, nextRow - 1, progress.Added, ct);
            await SaveProgressAsync(import.Id, nextRow, progress, now, ct);
            await transaction!.CommitAsync(ct);
            await transaction.DisposeAsync();
            transaction = null;
            progress = new Progress();
            inTransaction = 0;
            await observer.BatchCommittedAsync(importId, ++batchNumber, nextRow, ct);
        }
        async Task WriteAndCommitAsync(DecidedChunk chunk)
        {
            now = chunk.Now;
            if (transaction is null)
            {
                transaction = await db.Database.BeginTransactionAsync(ct);
                began = clock.GetTimestamp();
                firstInTransaction = chunk.FirstRow;
                await FenceAsync(import.Id, worker, now, ct);
            }
            await WriteAsync(import, chunk, ct);
            progress.Add(chunk.Progress);
            inTransaction += chunk.Rows;
            nextRow = chunk.NextRow;
            if (inTransaction >= limits.BatchSize || clock.GetElapsedTime(began) >= limits.MaxTransactionTime) await CommitAsync();
        }
        var writing = Task.CompletedTask;
        var sqlite = db.Database.IsSqlite();
        try
        {
            await foreach (var chunk in channel.Reader.ReadAllAsync(ct))
            {
                var decided = await DecideAsync(import, chunk, clock.GetUtcNow().UtcDateTime, hasParents ? firstRow : null, known, duplicates, forward,
                    async parents => { await writing; if (parents) await writer.FlushAsync(db, ct); }, ct);
                await writing;
                writing = Task.Run(() => WriteAndCommitAsync(decided), CancellationToken.None);
                if (!sqlite) await writing;
            }
            await writing;
            if (transaction is not null) await CommitAsync();
        }
        finally
        {
            // A failed write is rethrown above; here it must only be over before its transaction is rolled back.
            try { await writing; } catch (Exception) when (!writing.IsCompletedSuccessfully) { }
            if (transaction is not null) await transaction.DisposeAsync(); // rolled back: the next attempt resumes at its first row
            await stop.CancelAsync();
            await reader;
        }
        if (readError is not null && readError is not OperationCanceledException || readError is OperationCanceledException && ct.IsCancellationRequested)
            ExceptionDispatchInfo.Capture(readError).Throw();
        await CompleteAsync(import, worker, [.. resumedLinks, .. forward], ct);
    }

    /// <summary>What can be done for a row without the database: the supplier it would add and its likely-duplicate keys.</summary>
    private static PreparedRow Prepare(SupplierRow row, int firstRow)
    {
        if (!row.IsValid) return new PreparedRow(row, firstRow, null, default);
        var supplier = new Supplier { ExternalReference = "", Name = "", Country = "" };
        supplier.Apply(row.Details);
        return new PreparedRow(row, firstRow, supplier,
            LikelyDuplicates.KeysOf(supplier.Name, supplier.Country, supplier.Lei, supplier.Duns, supplier.Uscc));
    }

    private Dictionary<string, List<ProductDetails>>? ProductSheetOf(string path, SupplierImport import)
    {
        if (import.Format != ImportFormat.Xlsx) return null;
        var shape = SupplierFile.Inspect(path, import.Sheet, limits);
        if (SheetLayout.ProductSheet(shape) is not { } sheet) return null;
        var rows = SupplierFile.ReadRows(path, shape with { Sheet = sheet }, limits);
        if (SheetLayout.FindHeader(rows, productSheet: true) is not { } header) return null;
        var mapping = ColumnMapping.Automatic(header.Cells, productSheet: true);
        return SupplierRows.ProductsBySupplier(SheetLayout.DataRows(rows, header.Number), mapping);
    }

    /// <param name="firstRow">Where each reference first appears in the file; given only for a file with a parent column.</param>
    /// <param name="beforeDatabase">Awaited before the chunk needs the connection (to look up references it may update or
    /// parents): the previous chunk may still be writing on it. Given true when parents are looked up: the writer may hold
    /// back suppliers of this file, a parent among them. (The references looked up were in the organization before the
    /// import.) A first import needs neither, so on SQLite its chunks are decided while the previous one is written.</param>
    private async Task<DecidedChunk> DecideAsync(SupplierImport import, PreparedBatch prepared, DateTime now,
        FirstRows? firstRow, HashSlots known, LikelyDuplicates duplicates, List<ForwardLink> forward, Func<bool, Task> beforeDatabase, CancellationToken ct)
    {
        var rows = prepared.Rows;
        var organization = db.Tenant.RequiredOrganizationId;
        var batch = new SupplierBatch();
        var progress = new Progress { Processed = rows.Count };
        var changes = new List<BulkChange>();

        // A hash collision only costs a lookup that finds nothing.
        var references = known.Count == 0 ? []
            : rows.Select(r => r.Row.ExternalReference).Where(r => r.Length > 0 && known.Contains(LikelyDuplicates.Hash(r))).Distinct().ToList();
        var withParents = rows.Any(r => r.Row.ParentExternalReference is not null);
        if (references.Count > 0 || withParents) await beforeDatabase(withParents);
        var existing = references.Count == 0 ? new Dictionary<string, Supplier>(StringComparer.Ordinal)
            : await db.Suppliers.AsNoTracking().Include(s => s.Products).AsSplitQuery()
                .Where(s => references.Contains(s.ExternalReference)).ToDictionaryAsync(s => s.ExternalReference, StringComparer.Ordinal, ct);
        // Parents may exist from before or from an earlier chunk of this file.
        var parentReferences = rows.Select(r => r.Row.ParentExternalReference).OfType<string>()
            .Where(p => !existing.ContainsKey(p)).Distinct().ToList();
        var parents = parentReferences.Count == 0 ? new Dictionary<string, Guid>(StringComparer.Ordinal)
            : await db.Suppliers.AsNoTracking().Where(s => parentReferences.Contains(s.ExternalReference))
                .Select(s => new { s.ExternalReference, s.Id }).ToDictionaryAsync(s => s.ExternalReference, s => s.Id, StringComparer.Ordinal, ct);
        var inBatch = new Dictionary<string, Supplier>(rows.Count, StringComparer.Ordinal);
        var likely = new List<(SupplierRow Row, Supplier Supplier, Guid ExistingId, string Reason)>();
        var found = new List<(Guid Id, string Reason)>(4);

        foreach (var (row, first, candidate, keys) in rows)
        {
            var errors = row.Errors;
            var reference = row.ExternalReference;
            if (reference.Length > 0 && first != row.Row)
                (errors = [.. errors]).Add(new(row.Row, mapping!.HeaderOf(ImportFields.ExternalReference), "duplicate_external_reference",
                    $"Row {row.Row}, column '{mapping!.HeaderOf(ImportFields.ExternalReference)}': the external reference '{reference}' already appears in row {first}; only the first row with it is imported."));

            Guid? parentId = null;
            var linkLater = false;
            if (row.ParentExternalReference is { } parent && errors.Count == 0 && firstRow is not null)
            {
                if (inBatch.TryGetValue(parent, out var p)) parentId = p.Id;
                else if (existing.TryGetValue(parent, out var e)) parentId = e.Id;
                else if (parents.TryGetValue(parent, out var id)) parentId = id;
                else if (firstRow.RowOf(parent) > row.Row) linkLater = true;
                else
                {
                    var column = mapping!.HeaderOf(ImportFields.ParentExternalReference);
                    (errors = [.. errors]).Add(new(row.Row, column, "parent_not_found", firstRow.TryGetValue(parent, out var parentRow)
                        ? $"Row {row.Row}, column '{column}': the parent '{parent}' (row {parentRow}) was rejected, so this row is too. Fix that row and upload both again."
                        : $"Row {row.Row}, column '{column}': no supplier with the external reference '{parent}' exists in this file or in your organization."));
                }
            }

            if (errors.Count > 0)
            {
                progress.Rejected++;
                batch.Rejections.Add(new SupplierImportRejection
                {
                    ImportId = import.Id, Row = row.Row, OrganizationId = organization,
                    Cells = JsonSerializer.Serialize(row.Cells), Errors = string.Join(" | ", errors.Select(e => e.Message)),
                });
                batch.Issues.AddRange(errors.Select(e => Issue(import.Id, organization, e.Row, e.Column, ImportIssueSeverity.Error, e.Code, e.Message, null)));
                continue;
            }

            Supplier supplier;
            if (existing.TryGetValue(reference, out var current))
            {
                var before = Snapshot(current);
                var productsBefore = current.Products.ToList();
                var keepParent = current.ParentId;
                current.Apply(row.Details);
                current.ParentId = linkLater ? keepParent : parentId;
                var after = Snapshot(current);
                var changed = after.Keys.Where(k => !SameValue(before[k], after[k])).ToList();
                if (changed.Count == 0 && !linkLater) progress.Unchanged++;
                else
                {
                    progress.Updated++;
                    current.UpdatedAt = now;
                    batch.Updated.Add(current);
                    batch.ProductsRemoved.AddRange(productsBefore.Where(p => !current.Products.Contains(p)).Select(p => p.Id));
                    batch.ProductsAdded.AddRange(StampProducts(current, organization, productsBefore));
                    if (changed.Count > 0)
                        changes.Add(new BulkChange(AuditAction.Updated, nameof(Supplier), current.Id.ToString(),
                            changed.ToDictionary(k => k, k => before[k]), changed.ToDictionary(k => k, k => after[k])));
                }
                supplier = current;
            }
            else
            {
                // Built from the row's details on the reading thread (Prepare); its id follows from the import and the row
                // (SupplierIdFor): new rows append to the primary key index.
                supplier = candidate!;
                supplier.Id = import.SupplierIdFor(row.Row);
                supplier.OrganizationId = organization;
                supplier.CreatedAt = supplier.UpdatedAt = now;
                supplier.ParentId = parentId;
                supplier.ImportId = import.Id;
                supplier.ImportRow = row.Row;
                batch.Added.Add(supplier);
                batch.ProductsAdded.AddRange(StampProducts(supplier, organization, []));
                progress.Added++;
            }
            inBatch[reference] = supplier;
            if (linkLater) forward.Add(new ForwardLink(row.Row, reference, row.ParentExternalReference!));

            duplicates.Find(keys, supplier.Id, found);
            foreach (var (id, reason) in found) likely.Add((row, supplier, id, reason));
            if (supplier.Id == import.SupplierIdFor(row.Row)) duplicates.AddRow(row.Row, keys); // added: its id follows from the row
            else duplicates.Add(supplier.Id, keys);
        }

        return new DecidedChunk(batch, changes, progress, likely, inBatch, rows[0].Row.Row, rows.Count, prepared.NextRow, now);
    }

    /// <summary>A chunk decided, everything it writes ready but for its likely-duplicate warnings and audit events, which need the connection.</summary>
    private sealed record DecidedChunk(SupplierBatch Batch, List<BulkChange> Changes, Progress Progress,
        List<(SupplierRow Row, Supplier Supplier, Guid ExistingId, string Reason)> Likely, Dictionary<string, Supplier> InBatch, int FirstRow, int Rows, int NextRow, DateTime Now);

    private async Task WriteAsync(SupplierImport import, DecidedChunk chunk, CancellationToken ct)
    {
        if (chunk.Likely.Count > 0)
        {
            await writer.FlushAsync(db, ct); // the warnings name the other supplier as written
            await WarnLikelyDuplicatesAsync(import, db.Tenant.RequiredOrganizationId, chunk.Likely, chunk.InBatch, chunk.Batch, chunk.Progress, ct);
        }
        if (chunk.Changes.Count > 0) chunk.Batch.AuditEvents.AddRange(await audit.LinkBulkAsync(db, chunk.Changes, import.RequestedBy, ct));
        await writer.WriteAsync(db, chunk.Batch, ct);
    }

    /// <summary>
    /// One audit event per committed transaction: the rows it covers and how many suppliers it created. Each of those
    /// carries its import and row (Supplier.ImportId, ImportRow), and the import's own event records the stored file's
    /// SHA-256. Listing every supplier here wrote ~90 bytes of JSON a row (90 MB for a million rows) and cost ~7% of the
    /// import's time.
    /// </summary>
    private async Task RecordCreatedAsync(SupplierImport import, int firstRow, int lastRow, int created, CancellationToken ct)
    {
        if (created == 0) return;
        var rows = $"{firstRow}-{lastRow}";
        var batch = new SupplierBatch();
        batch.AuditEvents.AddRange(await audit.LinkBulkAsync(db, [new BulkChange(AuditAction.Created, "SupplierImportBatch", $"{import.Id}:{rows}", null,
            new Dictionary<string, object?> { ["ImportId"] = import.Id, ["Rows"] = rows, ["SuppliersCreated"] = created })], import.RequestedBy, ct));
        await writer.WriteAsync(db, batch, ct);
    }

    private async Task WarnLikelyDuplicatesAsync(SupplierImport import, Guid organization, List<(SupplierRow Row, Supplier Supplier, Guid ExistingId, string Reason)> likely,
        Dictionary<string, Supplier> inBatch, SupplierBatch batch, Progress progress, CancellationToken ct)
    {
        if (likely.Count == 0) return;
        var ids = likely.Select(l => l.ExistingId).Distinct().ToList();
        var known = await db.Suppliers.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        foreach (var s in inBatch.Values) known.TryAdd(s.Id, s);
        foreach (var (row, supplier, id, reason) in likely)
        {
            if (!known.TryGetValue(id, out var other) || !LikelyDuplicates.Confirms(reason, other, supplier.Name, supplier.Country, supplier.Lei, supplier.Duns, supplier.Uscc))
                continue;
            progress.Warnings++;
            var column = mapping!.HeaderOf(reason == "same name and country" ? ImportFields.Name : reason[5..].ToLowerInvariant());
            batch.Issues.Add(Issue(import.Id, organization, row.Row, column, ImportIssueSeverity.Warning, "likely_duplicate",
                $"Row {row.Row}: '{supplier.Name}' ({supplier.ExternalReference}) has the {reason[5..]} as the existing supplier '{other.Name}' ({other.ExternalReference}). "
                + "Both are kept; if they are the same supplier, give them one external reference.", other.Id));
        }
    }

    /// <summary>Makes the links to parents defined further down the file, then marks the import completed, in one transaction.</summary>
    private async Task CompleteAsync(SupplierImport import, string worker, List<ForwardLink> forward, CancellationToken ct)
    {
        var organization = db.Tenant.RequiredOrganizationId;
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await FenceAsync(import.Id, worker, now, ct);
        var progress = new Progress();
        foreach (var chunk in forward.Chunk(1000))
        {
            var batch = new SupplierBatch();
            var changes = new List<BulkChange>();
            var references = chunk.SelectMany(l => new[] { l.Child, l.Parent }).Distinct().ToList();
            var suppliers = await db.Suppliers.AsNoTracking().Where(s => references.Contains(s.ExternalReference))
                .ToDictionaryAsync(s => s.ExternalReference, StringComparer.Ordinal, ct);
            foreach (var link in chunk)
            {
                if (!suppliers.TryGetValue(link.Child, out var child)) continue;
                if (!suppliers.TryGetValue(link.Parent, out var parent))
                {
                    progress.Warnings++;
                    var column = mapping!.HeaderOf(ImportFields.ParentExternalReference);
                    batch.Issues.Add(Issue(import.Id, organization, link.Row, column, ImportIssueSeverity.Warning, "parent_not_imported",
                        $"Row {link.Row}, column '{column}': the parent '{link.Parent}' further down the file was rejected, so this supplier was imported without a parent.", null));
                    continue;
                }
                if (child.ParentId == parent.Id) continue;
                changes.Add(new BulkChange(AuditAction.Updated, nameof(Supplier), child.Id.ToString(),
                    new Dictionary<string, object?> { ["ParentId"] = child.ParentId }, new Dictionary<string, object?> { ["ParentId"] = parent.Id }));
                child.ParentId = parent.Id;
                child.UpdatedAt = now;
                batch.Updated.Add(child);
            }
            batch.AuditEvents.AddRange(await audit.LinkBulkAsync(db, changes, import.RequestedBy, ct));
            await writer.WriteAsync(db, batch, ct);
        }
        await db.SupplierImports.Where(i => i.Id == import.Id).ExecuteUpdateAsync(s => s
            .SetProperty(i => i.Status, ImportStatus.Completed)
            .SetProperty(i => i.CompletedAt, now)
            .SetProperty(i => i.WarningCount, i => i.WarningCount + progress.Warnings)
            .SetProperty(i => i.ClaimedBy, (string?)null)
            .SetProperty(i => i.LeaseUntil, (DateTime?)null), ct);
        await writer.FlushAsync(db, ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Screens what the import added or changed. A failure here is logged; the import itself is complete.</summary>
    public async Task ScreenAsync(Guid importId, CancellationToken ct)
    {
        var import = await db.SupplierImports.AsNoTracking().Where(i => i.Id == importId).Select(i => new { i.Id, i.StartedAt, i.CreatedAt }).FirstAsync(ct);
        var since = import.StartedAt ?? import.CreatedAt;
        try
        {
            var ids = new List<Guid>(10_000);
            await foreach (var id in db.Suppliers.AsNoTracking().Where(s => s.UpdatedAt >= since).Select(s => s.Id).AsAsyncEnumerable().WithCancellation(ct))
            {
                ids.Add(id);
                if (ids.Count < 10_000) continue;
                await screening.ScreenAsync(ids, ct);
                ids = new List<Guid>(10_000);
            }
            if (ids.Count > 0) await screening.ScreenAsync(ids, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Screening after import {ImportId} failed; the import is complete", import.Id);
        }
    }

    /// <summary>First statement of every transaction: proves this worker still holds the claim (and locks the import row).</summary>
    private async Task FenceAsync(Guid importId, string worker, DateTime now, CancellationToken ct)
    {
        var leaseUntil = now + limits.Lease;
        var owned = await db.SupplierImports.Where(i => i.Id == importId && i.ClaimedBy == worker)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.LeaseUntil, leaseUntil), ct);
        if (owned == 0) throw new ImportLeaseLostException(importId);
    }

    private Task<int> SaveProgressAsync(Guid importId, int nextRow, Progress p, DateTime now, CancellationToken ct) =>
        db.SupplierImports.Where(i => i.Id == importId).ExecuteUpdateAsync(s => s
            .SetProperty(i => i.NextRow, nextRow)
            .SetProperty(i => i.ProcessedRows, i => i.ProcessedRows + p.Processed)
            .SetProperty(i => i.AddedRows, i => i.AddedRows + p.Added)
            .SetProperty(i => i.UpdatedRows, i => i.UpdatedRows + p.Updated)
            .SetProperty(i => i.UnchangedRows, i => i.UnchangedRows + p.Unchanged)
            .SetProperty(i => i.RejectedRows, i => i.RejectedRows + p.Rejected)
            .SetProperty(i => i.WarningCount, i => i.WarningCount + p.Warnings)
            .SetProperty(i => i.LeaseUntil, now + limits.Lease), ct);

    private static SupplierImportIssue Issue(Guid importId, Guid organization, int row, string column, ImportIssueSeverity severity, string code, string message, Guid? existing) =>
        new()
        {
            ImportId = importId, OrganizationId = organization, Row = row, Column = column, Severity = severity, Code = code,
            Message = message.Length <= 1000 ? message : message[..999] + "…", ExistingSupplierId = existing,
        };

    private static IEnumerable<SupplierProduct> StampProducts(Supplier supplier, Guid organization, List<SupplierProduct> before)
    {
        foreach (var p in supplier.Products.Where(p => !before.Contains(p)))
        {
            p.OrganizationId = organization;
            p.SupplierId = supplier.Id;
            yield return p;
        }
    }

    /// <summary>The audited properties of a supplier, as the change tracker would name them; products as one readable list.</summary>
    private static Dictionary<string, object?> Snapshot(Supplier s) => new(StringComparer.Ordinal)
    {
        [nameof(Supplier.ExternalReference)] = s.ExternalReference,
        [nameof(Supplier.Name)] = s.Name,
        [nameof(Supplier.AlternateNames)] = s.AlternateNames.ToList(),
        [nameof(Supplier.Country)] = s.Country,
        [nameof(Supplier.Address)] = s.Address,
        [nameof(Supplier.Tier)] = s.Tier,
        [nameof(Supplier.ParentId)] = s.ParentId,
        [nameof(Supplier.Lei)] = s.Lei,
        [nameof(Supplier.Duns)] = s.Duns,
        [nameof(Supplier.Uscc)] = s.Uscc,
        [nameof(Supplier.OpenSupplyHubId)] = s.OpenSupplyHubId,
        [nameof(Supplier.Products)] = s.Products.Select(p => p.Name + (p.HsCode is null ? "" : $" [{p.HsCode}]") + (p.OriginCountry is null ? "" : $" ({p.OriginCountry})"))
            .Order(StringComparer.Ordinal).ToList(),
    };

    private static bool SameValue(object? a, object? b) =>
        a is List<string> x && b is List<string> y ? x.SequenceEqual(y, StringComparer.Ordinal) : Equals(a, b);
}

