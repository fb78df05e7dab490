using System.Text;
using Compliance.Domain.Evidence;

namespace Compliance.Tests.Unit;

public sealed class ContentSnifferTests
{
    [Theory]
    [InlineData("%PDF-1.7\n%âãÏÓ", "report.pdf", "application/pdf")]
    [InlineData("%PDF-1.4", "report.exe", "application/pdf")] // the bytes decide, not the name
    [InlineData("worker,wage\nAnna,1200\n", "payroll.csv", "text/csv")]
    [InlineData("Interview notes: 12 workers, Vietnamese and Burmese — chữ Việt", "notes.txt", "text/plain")]
    public void The_type_comes_from_the_bytes(string content, string name, string expected)
    {
        var verdict = ContentSniffer.Sniff(Encoding.UTF8.GetBytes(content), name);
        Assert.True(verdict.Allowed);
        Assert.Equal(expected, verdict.ContentType);
    }

    [Fact]
    public void Images_and_office_files_are_recognized()
    {
        Assert.Equal("image/png", ContentSniffer.Sniff([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0], "photo.jpg").ContentType);
        Assert.Equal("image/jpeg", ContentSniffer.Sniff([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10], "photo").ContentType);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ContentSniffer.Sniff("PK\x03\x04\x14\0"u8.ToArray(), "CAP.xlsx").ContentType);
        Assert.Equal("application/zip", ContentSniffer.Sniff("PK\x03\x04\x14\0"u8.ToArray(), "photos.zip").ContentType);
    }

    [Theory]
    [InlineData(new byte[] { 0x4D, 0x5A, 0x90, 0x00 }, "audit-report.pdf")]
    [InlineData(new byte[] { 0x7F, 0x45, 0x4C, 0x46, 0x02 }, "notes.txt")]
    [InlineData(new byte[] { 0x23, 0x21, 0x2F, 0x62, 0x69, 0x6E }, "run.csv")]
    public void Executables_are_refused_whatever_their_name(byte[] head, string name)
    {
        var verdict = ContentSniffer.Sniff(head, name);
        Assert.False(verdict.Allowed);
        Assert.Contains("Executable", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Binary_data_that_is_not_text_is_an_octet_stream_and_empty_is_refused()
    {
        Assert.Equal("application/octet-stream", ContentSniffer.Sniff([0x00, 0x01, 0x02, 0xFE, 0x00, 0x10, 0x20, 0x30], "data.txt").ContentType);
        Assert.False(ContentSniffer.Sniff([], "empty.pdf").Allowed);
    }
}
