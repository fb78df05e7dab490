using Compliance.Domain.Suppliers;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Compliance.Web.Features.Suppliers.Import;

/// <summary>
/// PostgreSQL: new suppliers are copied (binary COPY) into their table; changed ones into a temporary table merged
/// with one INSERT … ON CONFLICT; products, issues, rejections and audit events are copied straight into their tables.
/// </summary>
public sealed class PostgresSupplierBatchWriter : ISupplierBatchWriter
{
    private const string SupplierColumns = """
        "Id", "OrganizationId", "ExternalReference", "Name", "AlternateNames", "Country", "Address", "Tier", "ParentId", "Status", "Lei", "Duns", "Uscc", "OpenSupplyHubId", "CreatedAt", "UpdatedAt", "ImportId", "ImportRow"
        """;

    // Each chunk is a COPY and a few statements, one round trip each, and the next chunk waits for them: chunks of 500
    // made a million-row job take 57 s instead of 26 s.
    public int ChunkRows => 5_000;

    // COPY takes rows in any order: each batch is written whole.
    public Task FlushAsync(ComplianceDbContext db, CancellationToken ct) => Task.CompletedTask;

    public async Task WriteAsync(ComplianceDbContext db, SupplierBatch batch, CancellationToken ct)
    {
        BatchGuard.CheckTenant(db, batch);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();

        // New suppliers (their references were not in the organization when the import began) are copied straight into
        // the table: merging them through a staging table wrote every row twice. Should someone add the same reference
        // meanwhile, the unique index refuses the batch and the retried import finds it and updates it instead.
        if (batch.Added.Count > 0)
            await CopyAsync(connection, $"""COPY "Suppliers" ({SupplierColumns}) FROM STDIN (FORMAT BINARY)""", batch.Added, (copy, s) => WriteSupplierAsync(copy, s, ct), ct);
        if (batch.Updated.Count > 0)
        {
            // The temporary table lives with the transaction; existing rows are matched on the unique reference. It is
            // dropped after the merge because a transaction spans several chunks.
            await ExecuteAsync(connection, """CREATE TEMP TABLE import_suppliers (LIKE "Suppliers" INCLUDING DEFAULTS) ON COMMIT DROP""", ct);
            await CopyAsync(connection, $"""COPY import_suppliers ({SupplierColumns}) FROM STDIN (FORMAT BINARY)""", batch.Updated, (copy, s) => WriteSupplierAsync(copy, s, ct), ct);
            await ExecuteAsync(connection, $"""
                INSERT INTO "Suppliers" ({SupplierColumns}) SELECT {SupplierColumns} FROM import_suppliers
                ON CONFLICT ("OrganizationId", "ExternalReference") DO UPDATE SET
                    "Name" = excluded."Name", "AlternateNames" = excluded."AlternateNames", "Country" = excluded."Country", "Address" = excluded."Address",
                    "Tier" = excluded."Tier", "ParentId" = excluded."ParentId", "Lei" = excluded."Lei", "Duns" = excluded."Duns", "Uscc" = excluded."Uscc",
                    "OpenSupplyHubId" = excluded."OpenSupplyHubId", "UpdatedAt" = excluded."UpdatedAt"
                """, ct);
            await ExecuteAsync(connection, "DROP TABLE import_suppliers", ct);
        }

        if (batch.ProductsRemoved.Count > 0)
        {
            await using var delete = new NpgsqlCommand("""DELETE FROM "SupplierProducts" WHERE "Id" = ANY($1)""", connection);
            delete.Parameters.Add(new NpgsqlParameter { Value = batch.ProductsRemoved.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
            await delete.ExecuteNonQueryAsync(ct);
        }
        await CopyAsync(connection, """COPY "SupplierProducts" ("Id", "OrganizationId", "SupplierId", "Name", "HsCode", "OriginCountry") FROM STDIN (FORMAT BINARY)""",
            batch.ProductsAdded, async (copy, p) =>
            {
                await copy.WriteAsync(p.Id, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(p.OrganizationId, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(p.SupplierId, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(p.Name, NpgsqlDbType.Varchar, ct);
                await WriteNullableAsync(copy, p.HsCode, NpgsqlDbType.Varchar, ct);
                await WriteNullableAsync(copy, p.OriginCountry, NpgsqlDbType.Char, ct);
            }, ct);
        await CopyAsync(connection, """COPY "SupplierImportIssues" ("Id", "OrganizationId", "ImportId", "Row", "Column", "Severity", "Code", "Message", "ExistingSupplierId") FROM STDIN (FORMAT BINARY)""",
            batch.Issues, async (copy, i) =>
            {
                await copy.WriteAsync(i.Id, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(i.OrganizationId, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(i.ImportId, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(i.Row, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(i.Column, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(i.Severity.ToString(), NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(i.Code, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(i.Message, NpgsqlDbType.Varchar, ct);
                if (i.ExistingSupplierId is { } e) await copy.WriteAsync(e, NpgsqlDbType.Uuid, ct); else await copy.WriteNullAsync(ct);
            }, ct);
        await CopyAsync(connection, """COPY "SupplierImportRejections" ("ImportId", "Row", "OrganizationId", "Cells", "Errors") FROM STDIN (FORMAT BINARY)""",
            batch.Rejections, async (copy, r) =>
            {
                await copy.WriteAsync(r.ImportId, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(r.Row, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(r.OrganizationId, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(r.Cells, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(r.Errors, NpgsqlDbType.Text, ct);
            }, ct);
        await CopyAsync(connection, """COPY "AuditEvents" ("Id", "OrganizationId", "Sequence", "OccurredAt", "Actor", "Action", "EntityType", "EntityId", "Before", "After", "PreviousHash", "Hash") FROM STDIN (FORMAT BINARY)""",
            batch.AuditEvents, async (copy, e) =>
            {
                await copy.WriteAsync(e.Id, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(e.OrganizationId, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(e.Sequence, NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync(e.OccurredAt, NpgsqlDbType.TimestampTz, ct);
                await copy.WriteAsync(e.Actor, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(e.Action.ToString(), NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(e.EntityType, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(e.EntityId, NpgsqlDbType.Varchar, ct);
                await WriteNullableAsync(copy, e.Before, NpgsqlDbType.Text, ct);
                await WriteNullableAsync(copy, e.After, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(e.PreviousHash, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(e.Hash, NpgsqlDbType.Varchar, ct);
            }, ct);
    }

    private static async Task WriteSupplierAsync(NpgsqlBinaryImporter copy, Supplier s, CancellationToken ct)
    {
        await copy.WriteAsync(s.Id, NpgsqlDbType.Uuid, ct);
        await copy.WriteAsync(s.OrganizationId, NpgsqlDbType.Uuid, ct);
        await copy.WriteAsync(s.ExternalReference, NpgsqlDbType.Varchar, ct);
        await copy.WriteAsync(s.Name, NpgsqlDbType.Varchar, ct);
        await copy.WriteAsync(s.AlternateNames.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
        await copy.WriteAsync(s.Country, NpgsqlDbType.Char, ct);
        await WriteNullableAsync(copy, s.Address, NpgsqlDbType.Varchar, ct);
        await copy.WriteAsync(s.Tier, NpgsqlDbType.Integer, ct);
        if (s.ParentId is { } parent) await copy.WriteAsync(parent, NpgsqlDbType.Uuid, ct); else await copy.WriteNullAsync(ct);
        await copy.WriteAsync(s.Status.ToString(), NpgsqlDbType.Varchar, ct);
        await WriteNullableAsync(copy, s.Lei, NpgsqlDbType.Varchar, ct);
        await WriteNullableAsync(copy, s.Duns, NpgsqlDbType.Varchar, ct);
        await WriteNullableAsync(copy, s.Uscc, NpgsqlDbType.Varchar, ct);
        await WriteNullableAsync(copy, s.OpenSupplyHubId, NpgsqlDbType.Varchar, ct);
        await copy.WriteAsync(s.CreatedAt, NpgsqlDbType.TimestampTz, ct);
        await copy.WriteAsync(s.UpdatedAt, NpgsqlDbType.TimestampTz, ct);
        if (s.ImportId is { } import) await copy.WriteAsync(import, NpgsqlDbType.Uuid, ct); else await copy.WriteNullAsync(ct);
        if (s.ImportRow is { } row) await copy.WriteAsync(row, NpgsqlDbType.Integer, ct); else await copy.WriteNullAsync(ct);
    }

    private static async Task CopyAsync<T>(NpgsqlConnection connection, string sql, List<T> items, Func<NpgsqlBinaryImporter, T, Task> write, CancellationToken ct)
    {
        if (items.Count == 0) return;
        await using var copy = await connection.BeginBinaryImportAsync(sql, ct);
        foreach (var item in items)
        {
            await copy.StartRowAsync(ct);
            await write(copy, item);
        }
        await copy.CompleteAsync(ct);
    }

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter copy, string? value, NpgsqlDbType type, CancellationToken ct)
    {
        if (value is null) await copy.WriteNullAsync(ct);
        else await copy.WriteAsync(value, type, ct);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
