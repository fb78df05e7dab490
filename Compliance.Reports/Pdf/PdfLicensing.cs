using PdfSharp;

namespace Compliance.Reports.Pdf;

/// <summary>
/// PDFsharp 6.5 refuses to create documents until a licence is chosen. Call once at start-up with the
/// commercial key from configuration, or null for the AGPL licence (the project's own licence).
/// </summary>
public static class PdfLicensing
{
    private static readonly Lock Gate = new();
    private static string? _configured;

    public static void Configure(string? commercialKey)
    {
        var key = string.IsNullOrWhiteSpace(commercialKey) ? "" : commercialKey.Trim();
        lock (Gate)
        {
            if (_configured == key) return;
            if (key.Length == 0) PdfSharpLicense.SetAgplLicense();
            else PdfSharpLicense.LoadLicense(key);
            _configured = key;
        }
    }
}
