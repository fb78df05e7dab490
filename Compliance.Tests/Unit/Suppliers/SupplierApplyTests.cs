using Compliance.Domain.Suppliers;

namespace Compliance.Tests.Unit.Suppliers;

/// <summary>Supplier.Apply, which the API's create and update and every imported row go through.</summary>
public class SupplierApplyTests
{
    private static Supplier Apply(Supplier supplier, SupplierDetails details)
    {
        supplier.Apply(details);
        return supplier;
    }

    private static Supplier New() => new() { ExternalReference = "", Name = "", Country = "" };

    [Fact]
    public void Alternate_names_are_trimmed_deduplicated_and_cleared_when_the_details_have_none()
    {
        var supplier = Apply(New(), new SupplierDetails("V1", "Acme", "vn", AlternateNames: [" Acme Co ", "Acme Co", " ", "ACME"]));
        Assert.Equal(["Acme Co", "ACME"], supplier.AlternateNames);
        Assert.Equal("VN", supplier.Country);

        Apply(supplier, new SupplierDetails("V1", "Acme", "VN"));
        Assert.Empty(supplier.AlternateNames);
    }

    [Fact]
    public void A_product_that_did_not_change_keeps_its_row_and_one_left_out_is_removed()
    {
        var supplier = Apply(New(), new SupplierDetails("V1", "Acme", "VN",
            Products: [new ProductDetails("Cotton yarn", "5205.11", "uz"), new ProductDetails("Garments", null, null)]));
        var yarn = supplier.Products.Single(p => p.Name == "Cotton yarn");
        Assert.Equal(("520511", "UZ"), (yarn.HsCode, yarn.OriginCountry));

        Apply(supplier, new SupplierDetails("V1", "Acme", "VN", Products: [new ProductDetails("Cotton yarn", "5205.11", "UZ")]));
        Assert.Same(yarn, Assert.Single(supplier.Products));

        Apply(supplier, new SupplierDetails("V1", "Acme", "VN"));
        Assert.Empty(supplier.Products);
    }

    [Fact]
    public void Details_without_names_or_products_leave_a_new_supplier_empty()
    {
        var supplier = Apply(New(), new SupplierDetails(" V1 ", " Acme ", "VN", Address: "  ", Identifiers: new SupplierIdentifiers(Duns: "12-345-6789")));
        Assert.Equal(("V1", "Acme", null, "123456789"), (supplier.ExternalReference, supplier.Name, supplier.Address, supplier.Duns));
        Assert.Empty(supplier.AlternateNames);
        Assert.Empty(supplier.Products);
    }
}
