using Compliance.Domain.Grievances;
using Compliance.Domain.Suppliers;
using Compliance.Domain.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Compliance.Web.Infrastructure.Persistence;

internal sealed class GrievanceConfiguration : IEntityTypeConfiguration<Grievance>
{
    public void Configure(EntityTypeBuilder<Grievance> b)
    {
        b.Property(g => g.ReceiptCode).HasMaxLength(20);
        b.Property(g => g.PassphraseHash).HasMaxLength(64);
        b.Property(g => g.Language).HasMaxLength(20);
        // Ciphertext (Data Protection, base64url) of at most a few thousand characters of text.
        b.Property(g => g.DescriptionProtected).HasMaxLength(40000);
        b.Property(g => g.WorkplaceProtected).HasMaxLength(4000);
        b.Property(g => g.ContactProtected).HasMaxLength(4000);
        b.Property(g => g.AssignedTo).HasMaxLength(256);
        b.Property(g => g.ClosingNote).HasMaxLength(GrievanceFlow.MaxNoteLength);
        b.HasIndex(g => new { g.OrganizationId, g.ReceiptCode }).IsUnique();
        b.HasIndex(g => new { g.OrganizationId, g.Status, g.ReceivedAt });
        b.HasIndex(g => new { g.OrganizationId, g.SupplierId });
        b.HasOne<Organization>().WithMany().HasForeignKey(g => g.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        // A grievance is a record of what a worker said: unlinking happens by the handler, not by deleting the supplier.
        b.HasOne<Supplier>().WithMany().HasForeignKey(g => g.SupplierId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(g => g.Messages).WithOne().HasForeignKey(m => m.GrievanceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class GrievanceMessageConfiguration : IEntityTypeConfiguration<GrievanceMessage>
{
    public void Configure(EntityTypeBuilder<GrievanceMessage> b)
    {
        b.Property(m => m.HandlerName).HasMaxLength(256);
        b.Property(m => m.BodyProtected).HasMaxLength(40000);
        b.HasIndex(m => new { m.OrganizationId, m.GrievanceId, m.SentAt });
    }
}
