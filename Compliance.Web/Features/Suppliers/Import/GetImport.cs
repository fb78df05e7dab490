using Compliance.Domain.Suppliers;
using Compliance.Web.Infrastructure.Http;
using Compliance.Web.Infrastructure.Identity;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Web.Features.Suppliers.Import;

/// <summary>GET /api/v1/suppliers/imports/{id}: status, progress and the summary (added / updated / unchanged / rejected), with the errors and warnings.</summary>
public static class GetImport
{
    /// <summary>Issues listed per kind; the counts are always complete, and rejected.csv has every rejected row.</summary>
    public const int MaxIssuesListed = 1000;

    public sealed record Issue(int Row, string Column, string Code, string Message, Guid? ExistingSupplierId = null);

    /// <summary>
    /// <c>importedRows</c> counts the suppliers the import added (as <c>addedRows</c>); <c>progress</c> is rows done / total, 0 to 1;
    /// every file row up to <c>committedThroughRow</c> is committed (imported or rejected), none after it.
    /// </summary>
    public sealed record Summary(
        Guid Id, ImportStatus Status, string FileName, ImportFormat Format, string? Encoding, string? Delimiter, string? Sheet, int HeaderRow,
        IReadOnlyDictionary<string, string> Mapping,
        int TotalRows, int ProcessedRows, double Progress, int CommittedThroughRow,
        int ImportedRows, int AddedRows, int UpdatedRows, int UnchangedRows, int RejectedRows, int WarningCount,
        IReadOnlyList<Issue> Errors, IReadOnlyList<Issue> Warnings, bool IssuesTruncated,
        string? FailureReason, string RequestedBy, DateTime CreatedAt, DateTime? StartedAt, DateTime? CompletedAt)
    {
        public bool IsFinished => Status is ImportStatus.Completed or ImportStatus.Failed;
    }

    public static async Task<Outcome<Summary>> HandleAsync(Guid id, ComplianceDbContext db, CancellationToken ct)
    {
        var i = await db.SupplierImports.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (i is null) return Outcome<Summary>.NotFound();
        var errors = await IssuesAsync(db, id, ImportIssueSeverity.Error, ct);
        var warnings = await IssuesAsync(db, id, ImportIssueSeverity.Warning, ct);
        var mapping = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(i.Mapping) ?? [];
        return new Summary(i.Id, i.Status, i.FileName, i.Format, i.Encoding, i.Delimiter, i.Sheet, i.HeaderRow, mapping,
            i.TotalRows, i.ProcessedRows, i.TotalRows == 0 ? (i.Status == ImportStatus.Completed ? 1 : 0) : Math.Round((double)i.ProcessedRows / i.TotalRows, 4),
            i.NextRow - 1,
            i.AddedRows, i.AddedRows, i.UpdatedRows, i.UnchangedRows, i.RejectedRows, i.WarningCount,
            errors, warnings, errors.Count == MaxIssuesListed || warnings.Count == MaxIssuesListed,
            i.FailureReason, i.RequestedBy, i.CreatedAt, i.StartedAt, i.CompletedAt);
    }

    private static async Task<List<Issue>> IssuesAsync(ComplianceDbContext db, Guid id, ImportIssueSeverity severity, CancellationToken ct) =>
        await db.SupplierImportIssues.AsNoTracking()
            .Where(x => x.ImportId == id && x.Severity == severity)
            .OrderBy(x => x.Row).ThenBy(x => x.Column)
            .Take(MaxIssuesListed)
            .Select(x => new Issue(x.Row, x.Column, x.Code, x.Message, x.ExistingSupplierId))
            .ToListAsync(ct);

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/suppliers/imports/{id:guid}", async (Guid id, ComplianceDbContext db, CancellationToken ct) =>
                (await HandleAsync(id, db, ct)).ToHttp(TypedResults.Ok))
            .RequireAuthorization(Policies.Read)
            .WithTags("Supplier imports").WithName("GetSupplierImport");
}
