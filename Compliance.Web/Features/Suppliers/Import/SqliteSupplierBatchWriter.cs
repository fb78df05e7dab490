using System.Globalization;
using Compliance.Domain.Suppliers;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using SQLitePCL;

namespace Compliance.Web.Features.Suppliers.Import;

/// <summary>
/// SQLite: prepared statements reused for every row of the batch, in the open transaction. Values are written
/// in EF Core's SQLite formats (GUIDs as upper-case text, times as "yyyy-MM-dd HH:mm:ss.FFFFFFF", lists as JSON).
/// One per import (scoped): it holds new suppliers back between writes.
/// </summary>
/// <param name="holdRows">
/// New suppliers held back and inserted together, in name order. New rows land at random places of the two name
/// indexes: in file order each insert reads and dirties another page of each, and with more pages than the cache
/// holds most are read from the file and written back again. In name order consecutive rows share pages, and a write
/// sweeps each index once. (sqlite3 shell, 1M rows, 32 MB cache: 22.6 s in file order; in name order within windows
/// of 20k rows 19.5 s, 50k 16.3 s, 100k 16.6 s; the whole file 23.4 s, as the reference index then takes the
/// random inserts. With 50k windows an 8 MB cache is as fast.)
/// </param>
public sealed class SqliteSupplierBatchWriter(int holdRows) : ISupplierBatchWriter
{
    private const string SupplierColumns = """
        "Id", "OrganizationId", "ExternalReference", "Name", "AlternateNames", "Country", "Address", "Tier", "ParentId", "Status", "Lei", "Duns", "Uscc", "OpenSupplyHubId", "CreatedAt", "UpdatedAt", "ImportId", "ImportRow"
        """;

    private const string SupplierValues = "?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18";

    // A plain INSERT, as on PostgreSQL (COPY): these references were not in the organization when the import began.
    // Should someone add one meanwhile, the unique index refuses the batch and the retried import updates it instead.
    // Not an upsert: its DO UPDATE sets "ParentId", a foreign key, so with foreign_keys on SQLite opens a statement
    // journal for every row (each page the row touches copied there first), and once that journal outgrows 64 KiB it
    // is a temp file: two pwrite calls per page, about 16 per row, which was most of the import's time.
    private const string InsertSupplier = $"""
        INSERT INTO "Suppliers" ({SupplierColumns}) VALUES ({SupplierValues})
        """;

    // An update keeps where the supplier came from ("ImportId", "ImportRow": the import that created it).
    private const string UpdateSupplier = """
        UPDATE "Suppliers" SET "ExternalReference" = ?3, "Name" = ?4, "AlternateNames" = ?5, "Country" = ?6, "Address" = ?7,
            "Tier" = ?8, "ParentId" = ?9, "Status" = ?10, "Lei" = ?11, "Duns" = ?12, "Uscc" = ?13, "OpenSupplyHubId" = ?14,
            "CreatedAt" = ?15, "UpdatedAt" = ?16
        WHERE "Id" = ?1 AND "OrganizationId" = ?2
        """;

    // Rows are bound and stepped one by one, so a chunk's size costs nothing here; a small one keeps memory flat. Chunks of
    // 5,000 kept ~45 MB of rows in flight long enough to outlive the young generation (1M rows: managed heap 128 -> 76 MB,
    // collector pauses 2.7 -> 0.9 s, the job no slower).
    public int ChunkRows => 500;

    private readonly EncodedSuppliers held = new();
    private readonly List<SupplierProduct> heldProducts = [];
    private IDbContextTransaction? heldIn;

    public Task WriteAsync(ComplianceDbContext db, SupplierBatch batch, CancellationToken ct)
    {
        BatchGuard.CheckTenant(db, batch);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var transaction = (SqliteTransaction)db.Database.CurrentTransaction!.GetDbTransaction();

        if (batch.Added.Count > 0 || batch.ProductsAdded.Count > 0)
        {
            heldIn = CurrentHoldingTransaction(db) ?? db.Database.CurrentTransaction;
            foreach (var s in batch.Added) held.Add(s, withSource: true);
            heldProducts.AddRange(batch.ProductsAdded); // after their suppliers
        }
        // A changed supplier may now point at a new one as its parent: the held ones are written first.
        if (held.Count >= holdRows || batch.Updated.Count > 0) Flush(db, ct);
        if (batch.Updated.Count > 0)
        {
            var updated = new EncodedSuppliers();
            foreach (var s in batch.Updated) updated.Add(s, withSource: false);
            Execute(connection, UpdateSupplier, updated, ct);
        }

        if (batch.ProductsRemoved.Count > 0)
            Execute(connection, transaction, """DELETE FROM "SupplierProducts" WHERE "Id" = $id""", ["$id"], batch.ProductsRemoved,
                (p, id) => p[0].Value = Text(id), ct);
        if (batch.Issues.Count > 0)
            Execute(connection, transaction,
                """INSERT INTO "SupplierImportIssues" ("Id", "OrganizationId", "ImportId", "Row", "Column", "Severity", "Code", "Message", "ExistingSupplierId") VALUES ($id, $org, $import, $row, $column, $severity, $code, $message, $existing)""",
                ["$id", "$org", "$import", "$row", "$column", "$severity", "$code", "$message", "$existing"], batch.Issues, (p, x) =>
                {
                    p[0].Value = Text(x.Id); p[1].Value = Text(x.OrganizationId); p[2].Value = Text(x.ImportId); p[3].Value = x.Row;
                    p[4].Value = x.Column; p[5].Value = x.Severity.ToString(); p[6].Value = x.Code; p[7].Value = x.Message;
                    p[8].Value = x.ExistingSupplierId is { } e ? Text(e) : DBNull.Value;
                }, ct);
        if (batch.Rejections.Count > 0)
            Execute(connection, transaction,
                """INSERT INTO "SupplierImportRejections" ("ImportId", "Row", "OrganizationId", "Cells", "Errors") VALUES ($import, $row, $org, $cells, $errors)""",
                ["$import", "$row", "$org", "$cells", "$errors"], batch.Rejections, (p, x) =>
                {
                    p[0].Value = Text(x.ImportId); p[1].Value = x.Row; p[2].Value = Text(x.OrganizationId); p[3].Value = x.Cells; p[4].Value = x.Errors;
                }, ct);
        if (batch.AuditEvents.Count > 0)
            Execute(connection, transaction,
                """INSERT INTO "AuditEvents" ("Id", "OrganizationId", "Sequence", "OccurredAt", "Actor", "Action", "EntityType", "EntityId", "Before", "After", "PreviousHash", "Hash") VALUES ($id, $org, $seq, $at, $actor, $action, $type, $entity, $before, $after, $prev, $hash)""",
                ["$id", "$org", "$seq", "$at", "$actor", "$action", "$type", "$entity", "$before", "$after", "$prev", "$hash"], batch.AuditEvents, (p, x) =>
                {
                    p[0].Value = Text(x.Id); p[1].Value = Text(x.OrganizationId); p[2].Value = x.Sequence; p[3].Value = Text(x.OccurredAt);
                    p[4].Value = x.Actor; p[5].Value = x.Action.ToString(); p[6].Value = x.EntityType; p[7].Value = x.EntityId;
                    p[8].Value = Nullable(x.Before); p[9].Value = Nullable(x.After); p[10].Value = x.PreviousHash; p[11].Value = x.Hash;
                }, ct);
        return Task.CompletedTask;
    }

    /// <summary>Writes the held suppliers (in name order) and then the held products. Before a commit and before anything reads suppliers.</summary>
    public Task FlushAsync(ComplianceDbContext db, CancellationToken ct)
    {
        Flush(db, ct);
        return Task.CompletedTask;
    }

    private void Flush(ComplianceDbContext db, CancellationToken ct)
    {
        if (CurrentHoldingTransaction(db) is not { } transaction) return;
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        if (held.Count > 0)
        {
            held.SortForInsert();
            Execute(connection, InsertSupplier, held, ct);
        }
        if (heldProducts.Count > 0)
            Execute(connection, (SqliteTransaction)transaction.GetDbTransaction(),
                """INSERT INTO "SupplierProducts" ("Id", "OrganizationId", "SupplierId", "Name", "HsCode", "OriginCountry") VALUES ($id, $org, $supplier, $name, $hs, $origin)""",
                ["$id", "$org", "$supplier", "$name", "$hs", "$origin"], heldProducts, (p, x) =>
                {
                    p[0].Value = Text(x.Id); p[1].Value = Text(x.OrganizationId); p[2].Value = Text(x.SupplierId);
                    p[3].Value = x.Name; p[4].Value = Nullable(x.HsCode); p[5].Value = Nullable(x.OriginCountry);
                }, ct);
        held.Clear();
        heldProducts.Clear();
        heldIn = null;
    }

    /// <summary>The transaction the held rows were written in, if any: the current one, or the rows would be lost.</summary>
    private IDbContextTransaction? CurrentHoldingTransaction(ComplianceDbContext db) =>
        heldIn is null || heldIn == db.Database.CurrentTransaction ? heldIn
        : throw new InvalidOperationException("Suppliers held for a write belong to a transaction that ended without it.");

    /// <summary>
    /// Suppliers go through SQLite's own API (SQLitePCL.raw): one prepared statement, values bound by position as UTF-8
    /// and stepped per row. Microsoft.Data.Sqlite's per-execution work (a data reader, parameters matched by name) cost
    /// more than SQLite's own insert here.
    /// </summary>
    private static void Execute(SqliteConnection connection, string sql, EncodedSuppliers suppliers, CancellationToken ct)
    {
        var handle = connection.Handle!;
        Check(handle, raw.sqlite3_prepare_v2(handle, sql, out var statement));
        using (statement) suppliers.Execute(handle, statement, ct);
    }

    internal static void Check(sqlite3 handle, int rc)
    {
        if (rc is raw.SQLITE_OK or raw.SQLITE_DONE or raw.SQLITE_ROW) return;
        throw new SqliteException(raw.sqlite3_errmsg(handle).utf8_to_string(), rc, raw.sqlite3_extended_errcode(handle));
    }

    /// <summary>One prepared statement, its parameters bound anew for each item: no SQL parsing and no allocation per row.</summary>
    private static void Execute<T>(SqliteConnection connection, SqliteTransaction transaction, string sql, string[] names, List<T> items,
        Action<SqliteParameter[], T> bind, CancellationToken ct)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        var parameters = names.Select(n => command.Parameters.Add(n, n is "$tier" or "$row" or "$seq" ? SqliteType.Integer : SqliteType.Text)).ToArray();
        command.Prepare();
        foreach (var item in items)
        {
            ct.ThrowIfCancellationRequested();
            bind(parameters, item);
            command.ExecuteNonQuery();
        }
    }

    private static object Nullable(string? value) => value is null ? DBNull.Value : value;

    private static string Text(Guid id) => id.ToString().ToUpperInvariant();

    [ThreadStatic] private static (DateTime Time, string Text) lastTime;

    /// <summary>A batch stamps every row with one time: format it once.</summary>
    private static string Text(DateTime time)
    {
        if (lastTime.Text is null || lastTime.Time != time) lastTime = (time, time.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture));
        return lastTime.Text;
    }
}
