namespace Compliance.Web.Features.Suppliers.Import;

/// <summary>Bounds on an uploaded supplier file and on the import job (configuration section "Imports").</summary>
public sealed class ImportLimits
{
    public const string Section = "Imports";

    public long MaxFileBytes { get; set; } = 200L * 1024 * 1024;
    public int MaxRows { get; set; } = 1_000_000;
    public int MaxColumns { get; set; } = 200;
    public int MaxCellLength { get; set; } = 4_000;
    /// <summary>XLSX is a zip: bounds on its entries before a spreadsheet reader inflates them (zip bombs).</summary>
    public int MaxXlsxEntries { get; set; } = 1_000;
    public long MaxXlsxUncompressedBytes { get; set; } = 1024L * 1024 * 1024;
    public int MaxXlsxExpansionRatio { get; set; } = 100;
    /// <summary>Rows written, and progress committed, per transaction at most.</summary>
    /// <remarks>
    /// Each commit writes every index page its rows touched; rows land in random places of the name indexes, so small
    /// transactions rewrite most of those pages each time. A crash redoes at most one transaction's rows.
    /// </remarks>
    public int BatchSize { get; set; } = 1_000_000;
    /// <summary>How long a transaction stays open at most: on SQLite, how long other writers may wait for the import.</summary>
    public TimeSpan MaxTransactionTime { get; set; } = TimeSpan.FromSeconds(5);
    /// <summary>SQLite page cache of the import's connection while it imports (SQLite's default is 2 MB).</summary>
    /// <remarks>
    /// New suppliers go in in name order (SqliteHoldRows), so the name indexes are swept rather than read at random and a
    /// small cache nearly does: 1M rows, 8 MB 22.5 s and a 245 MB peak, 32 MB 20.7 s and 274 MB. (In file order, 16 MB
    /// had made the job a third slower than 32 MB.)
    /// </remarks>
    public int SqliteCacheMegabytes { get; set; } = 8;
    /// <summary>New suppliers the SQLite writer holds back, to insert them in name order (see SqliteSupplierBatchWriter).</summary>
    public int SqliteHoldRows { get; set; } = 50_000;
    /// <summary>How long a worker owns an import without renewing its claim; another instance takes over after it.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);
    /// <summary>Claims of one import before it is marked failed (a file that crashes every worker must not loop forever).</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The largest CSV record in bytes: a million empty columns or an unterminated quote stop here, not at 2 GB.</summary>
    internal int MaxRecordBytes => (int)Math.Min(int.MaxValue, Math.Max(64 * 1024L, (long)MaxColumns * 64 + MaxCellLength * 4L));
}
