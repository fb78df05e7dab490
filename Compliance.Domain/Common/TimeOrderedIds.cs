namespace Compliance.Domain.Common;

/// <summary>
/// Version 7 GUIDs (RFC 9562: Unix milliseconds, then random bits) drawn from Random.Shared. Guid.NewGuid and
/// Guid.CreateVersion7 read the kernel's random source, a system call per id: two microseconds on this platform's
/// VMs, more than the rest of reading an imported row. An id needs to be unique, not unpredictable (access is checked
/// by organization, never by knowing an id), and time-ordered ids append to the primary key index instead of landing
/// at random places in it.
/// </summary>
public static class TimeOrderedIds
{
    public static Guid New() => New(DateTime.UtcNow);

    public static Guid New(DateTime utc)
    {
        Span<byte> bytes = stackalloc byte[16];
        Random.Shared.NextBytes(bytes[6..]);
        var ms = (ulong)new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToUnixTimeMilliseconds();
        for (var i = 0; i < 6; i++) bytes[i] = (byte)(ms >> (40 - 8 * i));
        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }
}
