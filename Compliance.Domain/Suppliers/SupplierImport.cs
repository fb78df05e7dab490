using Compliance.Domain.Common;

namespace Compliance.Domain.Suppliers;

public enum ImportStatus
{
    /// <summary>Uploaded through the UI and waiting for the user to confirm the mapping.</summary>
    Draft,
    Queued,
    Running,
    Completed,
    Failed,
}

public enum ImportFormat
{
    Csv,
    Xlsx,
}

/// <summary>
/// One upload of a supplier file and its progress. Everything a worker needs to resume lives here, so any
/// instance can pick it up: the stored file, the mapping, the next file row to process and the counts so far.
/// </summary>
public sealed class SupplierImport : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OrganizationId { get; set; }
    public required string FileName { get; set; }
    /// <summary>Where the uploaded bytes are kept (see the import file store).</summary>
    public required string FileKey { get; set; }
    public long FileSize { get; set; }
    public required string FileSha256 { get; set; }
    public ImportFormat Format { get; set; }
    /// <summary>The detected text encoding of a CSV ("utf-8", "utf-16", "windows-1252"); null for XLSX.</summary>
    public string? Encoding { get; set; }
    public string? Delimiter { get; set; }
    public string? Sheet { get; set; }
    /// <summary>The row of the file that holds the column names (1 = first row).</summary>
    public int HeaderRow { get; set; }
    /// <summary>JSON array of the header row's cells: the columns of rejected.csv.</summary>
    public required string Headers { get; set; }
    /// <summary>JSON: field name → header, as used for this import.</summary>
    public required string Mapping { get; set; }
    /// <summary>Who uploaded it: the actor of the audit events the import writes.</summary>
    public required string RequestedBy { get; set; }
    public ImportStatus Status { get; set; }

    [NotAudited] public int TotalRows { get; set; }
    /// <summary>Data rows processed and committed so far (rows done, for progress).</summary>
    [NotAudited] public int ProcessedRows { get; set; }
    /// <summary>The file row to resume from: every row before it is committed, none after it.</summary>
    [NotAudited] public int NextRow { get; set; }
    [NotAudited] public int AddedRows { get; set; }
    [NotAudited] public int UpdatedRows { get; set; }
    [NotAudited] public int UnchangedRows { get; set; }
    [NotAudited] public int RejectedRows { get; set; }
    [NotAudited] public int WarningCount { get; set; }
    [NotAudited] public int Attempts { get; set; }
    [NotAudited] public string? ClaimedBy { get; set; }
    [NotAudited] public DateTime? LeaseUntil { get; set; }
    public string? FailureReason { get; set; }
    public DateTime CreatedAt { get; set; }
    [NotAudited] public DateTime? StartedAt { get; set; }
    public DateTime? CompletedAt { get; set; }

    /// <summary>
    /// The id of the supplier this import creates from a row of its file: a version 7 GUID (RFC 9562) of the import's
    /// creation time, then 42 bits of the import's id, then the row. A resumed import gives a row the id it would have had,
    /// the ids rise with the rows (they append to the primary key index), and the import's likely-duplicate table keeps a
    /// row number for each new supplier instead of its 16-byte id (16 MB for a million rows).
    /// </summary>
    public Guid SupplierIdFor(int row)
    {
        Span<byte> import = stackalloc byte[16];
        Id.TryWriteBytes(import);
        Span<byte> bytes = stackalloc byte[16];
        var ms = (ulong)new DateTimeOffset(DateTime.SpecifyKind(CreatedAt, DateTimeKind.Utc)).ToUnixTimeMilliseconds();
        for (var i = 0; i < 6; i++) bytes[i] = (byte)(ms >> (40 - 8 * i));
        bytes[6] = (byte)(0x70 | (import[0] & 0x0F));
        bytes[7] = import[1];
        bytes[8] = (byte)(0x80 | (import[2] & 0x3F));
        import[3..6].CopyTo(bytes[9..]);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(bytes[12..], row);
        return new Guid(bytes, bigEndian: true);
    }
}

public enum ImportIssueSeverity
{
    Error,
    Warning,
}

/// <summary>A rejected value (error) or a likely duplicate (warning), at a row and column of the file.</summary>
public sealed class SupplierImportIssue : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OrganizationId { get; set; }
    public Guid ImportId { get; set; }
    /// <summary>The row number as the user sees it in the file (the header row included).</summary>
    public int Row { get; set; }
    public required string Column { get; set; }
    public ImportIssueSeverity Severity { get; set; }
    public required string Code { get; set; }
    public required string Message { get; set; }
    /// <summary>For a likely duplicate: the supplier already in the organization.</summary>
    public Guid? ExistingSupplierId { get; set; }
}

/// <summary>A row that was not imported, kept as it was in the file so the user can fix and re-upload just these.</summary>
public sealed class SupplierImportRejection : ITenantOwned
{
    public Guid ImportId { get; set; }
    public int Row { get; set; }
    public Guid OrganizationId { get; set; }
    /// <summary>JSON array of the row's cells as read.</summary>
    public required string Cells { get; set; }
    /// <summary>Every reason, joined: the extra column of rejected.csv.</summary>
    public required string Errors { get; set; }
}

/// <summary>The column mapping an organization chose for files with these headers, applied to the next such file.</summary>
public sealed class SupplierImportMapping : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OrganizationId { get; set; }
    /// <summary>SHA-256 of the normalized header names, in order.</summary>
    public required string HeaderSignature { get; set; }
    public required string Mapping { get; set; }
    public DateTime UpdatedAt { get; set; }
}
