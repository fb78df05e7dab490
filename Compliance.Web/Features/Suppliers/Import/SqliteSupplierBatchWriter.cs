using System.Globalization;
using Compliance.Domain.Suppliers;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Compliance.Web.Features.Suppliers.Import;

/// <summary>
/// SQLite: prepared statements reused for every row of the batch, in the open transaction. Values are written
/// in EF Core's SQLite formats (GUIDs as upper-case text, times as "yyyy-MM-dd HH:mm:ss.FFFFFFF", lists as JSON).
/// </summary>
public sealed class SqliteSupplierBatchWriter : ISupplierBatchWriter
{
    private const string SupplierColumns = """
        "Id", "OrganizationId", "ExternalReference", "Name", "AlternateNames", "Country", "Address", "Tier", "ParentId", "Status", "Lei", "Duns", "Uscc", "OpenSupplyHubId", "CreatedAt", "UpdatedAt"
        """;

    private const string SupplierValues = "$id, $org, $ref, $name, $alt, $country, $address, $tier, $parent, $status, $lei, $duns, $uscc, $osh, $created, $updated";

    private const string InsertSupplier = $"""
        INSERT INTO "Suppliers" ({SupplierColumns}) VALUES ({SupplierValues})
        ON CONFLICT ("OrganizationId", "ExternalReference") DO UPDATE SET
            "Name" = excluded."Name", "AlternateNames" = excluded."AlternateNames", "Country" = excluded."Country", "Address" = excluded."Address",
            "Tier" = excluded."Tier", "ParentId" = excluded."ParentId", "Lei" = excluded."Lei", "Duns" = excluded."Duns", "Uscc" = excluded."Uscc",
            "OpenSupplyHubId" = excluded."OpenSupplyHubId", "UpdatedAt" = excluded."UpdatedAt"
        """;

    private const string UpdateSupplier = """
        UPDATE "Suppliers" SET "ExternalReference" = $ref, "Name" = $name, "AlternateNames" = $alt, "Country" = $country, "Address" = $address,
            "Tier" = $tier, "ParentId" = $parent, "Status" = $status, "Lei" = $lei, "Duns" = $duns, "Uscc" = $uscc, "OpenSupplyHubId" = $osh,
            "CreatedAt" = $created, "UpdatedAt" = $updated
        WHERE "Id" = $id AND "OrganizationId" = $org
        """;

    public Task WriteAsync(ComplianceDbContext db, SupplierBatch batch, CancellationToken ct)
    {
        BatchGuard.CheckTenant(db, batch);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var transaction = (SqliteTransaction)db.Database.CurrentTransaction!.GetDbTransaction();

        if (batch.Added.Count > 0) WriteSuppliers(connection, transaction, InsertSupplier, batch.Added, ct);
        if (batch.Updated.Count > 0) WriteSuppliers(connection, transaction, UpdateSupplier, batch.Updated, ct);

        if (batch.ProductsRemoved.Count > 0)
            Execute(connection, transaction, """DELETE FROM "SupplierProducts" WHERE "Id" = $id""", ["$id"], batch.ProductsRemoved,
                (p, id) => p[0].Value = Text(id), ct);
        if (batch.ProductsAdded.Count > 0)
            Execute(connection, transaction,
                """INSERT INTO "SupplierProducts" ("Id", "OrganizationId", "SupplierId", "Name", "HsCode", "OriginCountry") VALUES ($id, $org, $supplier, $name, $hs, $origin)""",
                ["$id", "$org", "$supplier", "$name", "$hs", "$origin"], batch.ProductsAdded, (p, x) =>
                {
                    p[0].Value = Text(x.Id); p[1].Value = Text(x.OrganizationId); p[2].Value = Text(x.SupplierId);
                    p[3].Value = x.Name; p[4].Value = Nullable(x.HsCode); p[5].Value = Nullable(x.OriginCountry);
                }, ct);
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

    private static void WriteSuppliers(SqliteConnection connection, SqliteTransaction transaction, string sql, List<Supplier> suppliers, CancellationToken ct) =>
        Execute(connection, transaction, sql,
            ["$id", "$org", "$ref", "$name", "$alt", "$country", "$address", "$tier", "$parent", "$status", "$lei", "$duns", "$uscc", "$osh", "$created", "$updated"],
            suppliers, (p, s) =>
            {
                p[0].Value = Text(s.Id); p[1].Value = Text(s.OrganizationId); p[2].Value = s.ExternalReference; p[3].Value = s.Name;
                p[4].Value = BatchGuard.Json(s.AlternateNames); p[5].Value = s.Country; p[6].Value = Nullable(s.Address); p[7].Value = s.Tier;
                p[8].Value = s.ParentId is { } parent ? Text(parent) : DBNull.Value; p[9].Value = s.Status.ToString();
                p[10].Value = Nullable(s.Lei); p[11].Value = Nullable(s.Duns); p[12].Value = Nullable(s.Uscc); p[13].Value = Nullable(s.OpenSupplyHubId);
                p[14].Value = Text(s.CreatedAt); p[15].Value = Text(s.UpdatedAt);
            }, ct);

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
