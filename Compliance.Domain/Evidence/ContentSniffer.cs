using System.Text;

namespace Compliance.Domain.Evidence;

/// <summary>
/// Decides a file's type from its first bytes, because the client's Content-Type and file name are only claims.
/// Executables are refused: evidence is documents, images and data.
/// </summary>
public static class ContentSniffer
{
    /// <summary>How many leading bytes <see cref="Sniff"/> needs.</summary>
    public const int HeaderLength = 512;

    public sealed record Verdict(string ContentType, bool Allowed, string? Reason = null);

    public static Verdict Sniff(ReadOnlySpan<byte> head, string fileName)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (head.IsEmpty) return new Verdict("application/octet-stream", false, "The file is empty.");
        if (head.StartsWith("%PDF-"u8)) return Ok("application/pdf");
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A])) return Ok("image/png");
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return Ok("image/jpeg");
        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8)) return Ok("image/gif");
        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8)) return Ok("image/webp");
        if (head.StartsWith("II*\0"u8) || head.StartsWith("MM\0*"u8)) return Ok("image/tiff");
        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8))
            return head[8..12].SequenceEqual("heic"u8) || head[8..12].SequenceEqual("mif1"u8) ? Ok("image/heic") : Ok("video/mp4");
        if (head.StartsWith("PK\x03\x04"u8))
            // Office Open XML files are zip packages; the extension tells which (the package itself says so only deep inside).
            return Ok(extension switch
            {
                ".docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                ".xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                ".pptx" => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
                _ => "application/zip",
            });
        if (head.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
            return Ok(extension switch { ".doc" => "application/msword", ".xls" => "application/vnd.ms-excel", _ => "application/x-ole-storage" });
        if (head.StartsWith("MZ"u8) || head.StartsWith((ReadOnlySpan<byte>)[0x7F, (byte)'E', (byte)'L', (byte)'F']) || head.StartsWith((ReadOnlySpan<byte>)[0xCF, 0xFA, 0xED, 0xFE]) || head.StartsWith("#!"u8))
            return new Verdict("application/octet-stream", false, "Executable files and scripts are not accepted as evidence.");
        if (LooksLikeText(head))
            return Ok(extension == ".csv" ? "text/csv" : "text/plain");
        return Ok("application/octet-stream");

        static Verdict Ok(string type) => new(type, true);
    }

    /// <summary>UTF-8 (or UTF-16 with a BOM) without NUL bytes or other binary control characters.</summary>
    private static bool LooksLikeText(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return true;
        // A multi-byte character cut off at the end of the sample is not a reason to call the file binary.
        var sample = head.Length > 4 ? head[..^4] : head;
        foreach (var b in sample)
            if (b < 0x09 || (b is > 0x0D and < 0x20 && b != 0x1B)) return false;
        try
        {
            _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetCharCount(sample);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
