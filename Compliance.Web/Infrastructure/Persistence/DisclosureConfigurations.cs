using Compliance.Domain.Disclosures;
using Compliance.Domain.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Compliance.Web.Infrastructure.Persistence;

internal sealed class DisclosureConfiguration : IEntityTypeConfiguration<Disclosure>
{
    public void Configure(EntityTypeBuilder<Disclosure> b)
    {
        // Statements and figures as JSON text: a few tens of kilobytes with the supplier appendix; unbounded on purpose.
        b.Property(d => d.EditsJson);
        b.Property(d => d.IssuedContentJson);
        b.Property(d => d.PdfSha256).HasMaxLength(64).IsFixedLength();
        b.Property(d => d.CreatedBy).HasMaxLength(256);
        b.Property(d => d.IssuedBy).HasMaxLength(256);
        b.Ignore(d => d.IsFrozen);
        b.HasIndex(d => new { d.OrganizationId, d.Kind, d.Status, d.IssuedAt });
        b.HasOne<Organization>().WithMany().HasForeignKey(d => d.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}
