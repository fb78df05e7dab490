using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Compliance.Domain.Suppliers;
using SQLitePCL;

namespace Compliance.Web.Features.Suppliers.Import;

/// <summary>
/// Suppliers' column values for SQLite's insert and update statements, encoded one after another into one reused buffer:
/// text as the UTF-8 SQLite takes, GUIDs and times as their 16 and 8 bytes (written in EF Core's formats when bound).
/// The SQLite writer holds tens of thousands of new suppliers between writes; as objects they outlived the young
/// generation (1M rows: managed heap 71 -> 118 MB), here they are ~210 bytes each in blocks reused from write to write.
/// </summary>
internal sealed class EncodedSuppliers
{
    private enum Kind : byte { Null, Text, Integer, Guid, Time }

    /// <summary>Where a row is (block, start), where its name is within it (the order of inserts), and whether it has a parent.</summary>
    private readonly record struct Row(int Block, int Start, int NameStart, int NameLength, bool HasParent);

    /// <summary>
    /// Whole rows, one after another. Blocks stay below the large object heap's 85,000 bytes (unless a row needs more),
    /// so holding more rows never copies the ones held, and they are kept for the next write.
    /// </summary>
    private const int BlockBytes = 64 * 1024;
    private readonly List<byte[]> blocks = [];
    private int block = -1, used;

    private readonly List<Row> rows = [];
    /// <summary>The row being encoded: copied into a block once whole.</summary>
    private byte[] buffer = new byte[1024];
    private int length;

    public int Count => rows.Count;

    public void Clear()
    {
        rows.Clear();
        block = -1;
    }

    /// <summary>
    /// The values of the columns of <see cref="SqliteSupplierBatchWriter"/>'s statements, in their order: the first 16
    /// for an update, and the supplier's import and row (18) for an insert.
    /// </summary>
    public void Add(Supplier s, bool withSource)
    {
        length = 0;
        Guid(s.Id);
        Guid(s.OrganizationId);
        Text(s.ExternalReference);
        var nameStart = length + 5; // after the kind and the length
        Text(s.Name);
        var nameLength = length - nameStart;
        if (s.AlternateNames.Count == 0) Text("[]");
        else Text(BatchGuard.Json(s.AlternateNames));
        Text(s.Country);
        Text(s.Address);
        Integer(s.Tier);
        Guid(s.ParentId);
        Text(s.Status.ToString());
        Text(s.Lei);
        Text(s.Duns);
        Text(s.Uscc);
        Text(s.OpenSupplyHubId);
        Time(s.CreatedAt);
        Time(s.UpdatedAt);
        if (withSource)
        {
            Guid(s.ImportId);
            Integer(s.ImportRow);
        }

        if (block < 0 || used + length > blocks[block].Length)
        {
            block++;
            used = 0;
            if (block == blocks.Count || blocks[block].Length < length) blocks.Insert(block, new byte[Math.Max(BlockBytes, length)]);
        }
        buffer.AsSpan(0, length).CopyTo(blocks[block].AsSpan(used));
        rows.Add(new Row(block, used, used + nameStart, nameLength, s.ParentId is not null));
        used += length;
    }

    /// <summary>
    /// New suppliers without a parent in name order (see <see cref="SqliteSupplierBatchWriter"/>), then those
    /// with one in the order they came: a parent is decided before its children, so it is inserted first (the foreign
    /// key is checked at each insert). Names compare as SQLite's BINARY collation does: byte by byte.
    /// </summary>
    public void SortForInsert() => rows.Sort((a, b) => (a.HasParent, b.HasParent) switch
    {
        (false, false) => blocks[a.Block].AsSpan(a.NameStart, a.NameLength).SequenceCompareTo(blocks[b.Block].AsSpan(b.NameStart, b.NameLength)),
        (false, true) => -1,
        (true, false) => 1,
        _ => (a.Block, a.Start).CompareTo((b.Block, b.Start)),
    });

    /// <summary>Binds each row's values to the statement, in the rows' order, and steps it.</summary>
    public void Execute(sqlite3 handle, sqlite3_stmt statement, CancellationToken ct)
    {
        Span<byte> guid = stackalloc byte[36];
        Span<byte> time = stackalloc byte[32];
        var lastTicks = -1L;
        var timeLength = 0;
        var count = raw.sqlite3_bind_parameter_count(statement);
        foreach (var row in rows)
        {
            ct.ThrowIfCancellationRequested();
            var data = blocks[row.Block];
            var at = row.Start;
            for (var i = 1; i <= count; i++)
            {
                switch ((Kind)data[at++])
                {
                    case Kind.Null:
                        raw.sqlite3_bind_null(statement, i);
                        break;
                    case Kind.Text:
                        var n = BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(at));
                        raw.sqlite3_bind_text(statement, i, data.AsSpan(at + 4, n));
                        at += 4 + n;
                        break;
                    case Kind.Integer:
                        raw.sqlite3_bind_int(statement, i, BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(at)));
                        at += 4;
                        break;
                    case Kind.Guid:
                        // EF Core's SQLite format for a GUID: upper-case "D" text.
                        new Guid(data.AsSpan(at, 16)).TryFormat(guid, out _, "D");
                        for (var c = 0; c < guid.Length; c++)
                            if (guid[c] is >= (byte)'a' and <= (byte)'f') guid[c] -= 'a' - 'A';
                        raw.sqlite3_bind_text(statement, i, guid);
                        at += 16;
                        break;
                    case Kind.Time:
                        // EF Core's SQLite format for a time; a batch stamps its rows with one, so it is formatted once.
                        var ticks = BinaryPrimitives.ReadInt64LittleEndian(data.AsSpan(at));
                        if (ticks != lastTicks)
                        {
                            new DateTime(ticks).TryFormat(time, out timeLength, "yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
                            lastTicks = ticks;
                        }
                        raw.sqlite3_bind_text(statement, i, time[..timeLength]);
                        at += 8;
                        break;
                }
            }
            var rc = raw.sqlite3_step(statement);
            if (rc != raw.SQLITE_DONE) SqliteSupplierBatchWriter.Check(handle, rc);
            raw.sqlite3_reset(statement);
        }
    }

    private void Text(string? value)
    {
        if (value is null)
        {
            Null();
            return;
        }
        var span = Room(5 + Encoding.UTF8.GetMaxByteCount(value.Length));
        span[0] = (byte)Kind.Text;
        var n = Encoding.UTF8.GetBytes(value, span[5..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[1..], n);
        length += 5 + n;
    }

    private void Integer(int? value)
    {
        if (value is not { } v)
        {
            Null();
            return;
        }
        var span = Room(5);
        span[0] = (byte)Kind.Integer;
        BinaryPrimitives.WriteInt32LittleEndian(span[1..], v);
        length += 5;
    }

    private void Guid(Guid? value)
    {
        if (value is not { } v)
        {
            Null();
            return;
        }
        var span = Room(17);
        span[0] = (byte)Kind.Guid;
        v.TryWriteBytes(span[1..]);
        length += 17;
    }

    private void Time(DateTime value)
    {
        var span = Room(9);
        span[0] = (byte)Kind.Time;
        BinaryPrimitives.WriteInt64LittleEndian(span[1..], value.Ticks);
        length += 9;
    }

    private void Null()
    {
        Room(1)[0] = (byte)Kind.Null;
        length++;
    }

    /// <summary>At least <paramref name="bytes"/> free bytes at the end of the row's buffer, which doubles when it must.</summary>
    private Span<byte> Room(int bytes)
    {
        if (length + bytes > buffer.Length) Array.Resize(ref buffer, Math.Max(buffer.Length * 2, length + bytes));
        return buffer.AsSpan(length);
    }
}
