using Compliance.Domain.Common;
using Compliance.Web.Features.Suppliers.Import;

namespace Compliance.Tests.Unit.Import;

public sealed class ImportColumnMappingTests
{
    [Fact]
    public void Automatic_mapping_knows_erp_and_spreadsheet_header_names()
    {
        var mapping = ColumnMapping.Automatic(["Vendor No.", "Lieferant", "Country/Region", "D-U-N-S Number", "Unified Social Credit Code", "Parent Vendor No.", "Remarks"]);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["externalReference"] = "Vendor No.", ["name"] = "Lieferant", ["country"] = "Country/Region", ["duns"] = "D-U-N-S Number",
                ["uscc"] = "Unified Social Credit Code", ["parentExternalReference"] = "Parent Vendor No.",
            },
            mapping.ToDictionary());
        Assert.Equal(["Remarks"], mapping.Unmapped);
    }

    [Fact]
    public void An_override_moves_a_field_to_another_column_by_header_or_letter_and_can_unmap_one()
    {
        var basis = ColumnMapping.Automatic(["Supplier", "Vendor Name", "Country", "Ref"]);
        var errors = new RuleViolations();
        var mapping = ColumnMapping.Override(basis, """{"name": "B", "externalReference": "Supplier", "country": null}""", errors);
        Assert.Empty(errors);
        Assert.Equal(new Dictionary<string, string> { ["externalReference"] = "Supplier", ["name"] = "Vendor Name" }, mapping.ToDictionary());
        Assert.Equal(["country"], mapping.MissingRequired);
        Assert.Equal(MappingSource.Explicit, mapping.Source);
    }

    [Fact]
    public void The_proposal_posted_back_unchanged_is_still_the_proposal()
    {
        var basis = ColumnMapping.Automatic(["Lieferant Nr.", "Lieferant", "Land"]);
        Assert.Equal(new Dictionary<string, string> { ["externalReference"] = "Lieferant Nr.", ["name"] = "Lieferant", ["country"] = "Land" }, basis.ToDictionary());
        var errors = new RuleViolations();
        var same = ColumnMapping.Override(basis, """{"externalReference": "Lieferant Nr.", "name": "Lieferant", "country": "Land", "tier": ""}""", errors);
        Assert.Empty(errors);
        Assert.Equal(MappingSource.Automatic, same.Source);
    }

    [Fact]
    public void Signature_ignores_case_and_punctuation_but_not_order()
    {
        Assert.Equal(ColumnMapping.Signature(["Vendor No.", "Name"]), ColumnMapping.Signature(["vendor no", "NAME"]));
        Assert.NotEqual(ColumnMapping.Signature(["Vendor No.", "Name"]), ColumnMapping.Signature(["Name", "Vendor No."]));
    }

    [Fact]
    public void A_title_line_above_the_header_is_skipped()
    {
        var header = SheetLayout.FindHeader([new SheetRow(1, ["Vendor master export"]), new SheetRow(2, []), new SheetRow(3, ["Vendor No.", "Vendor Name", "Country"])]);
        Assert.Equal(3, header?.Number);
    }
}
