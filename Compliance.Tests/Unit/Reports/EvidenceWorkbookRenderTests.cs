using Compliance.Reports.Evidence;

namespace Compliance.Tests.Unit.Reports;

public sealed class EvidenceWorkbookRenderTests
{
    [Fact]
    public void An_organization_with_no_records_still_gets_every_sheet_and_the_README()
    {
        var model = new EvidenceWorkbookModel(
            new ExportInfo("Alpha Apparel", "auditor@alpha.test", new DateTime(2026, 12, 2, 8, 0, 0, DateTimeKind.Utc), null, null, "all suppliers"),
            [], [], [], [], [], [], [], ["Attestations"]);
        using var output = new MemoryStream();
        EvidenceWorkbook.Write(output, model);
        Assert.True(output.Length > 1000);
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(output.ToArray()));
        Assert.Equal(13, zip.Entries.Count(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal)));
    }
}
