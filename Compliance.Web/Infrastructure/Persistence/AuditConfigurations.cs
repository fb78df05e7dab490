using Compliance.Domain.Audits;
using Compliance.Domain.Common;
using Compliance.Domain.Evidence;
using Compliance.Domain.Suppliers;
using Compliance.Domain.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Compliance.Web.Infrastructure.Persistence;

internal sealed class AuditConfiguration : IEntityTypeConfiguration<Audit>
{
    public void Configure(EntityTypeBuilder<Audit> b)
    {
        b.Property(a => a.AuditFirm).HasMaxLength(200);
        b.Property(a => a.LeadAuditor).HasMaxLength(200);
        b.Property(a => a.Rating).HasMaxLength(40);
        b.Property(a => a.Summary).HasMaxLength(4000);
        b.HasIndex(a => new { a.OrganizationId, a.SupplierId, a.EndDate });
        b.HasIndex(a => new { a.OrganizationId, a.EndDate });
        b.HasOne<Organization>().WithMany().HasForeignKey(a => a.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        // Audits are records of what happened: a supplier with audits is not deleted from under them.
        b.HasOne<Supplier>().WithMany().HasForeignKey(a => a.SupplierId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(a => a.Findings).WithOne().HasForeignKey(f => f.AuditId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FindingConfiguration : IEntityTypeConfiguration<Finding>
{
    public void Configure(EntityTypeBuilder<Finding> b)
    {
        b.Property(f => f.Description).HasMaxLength(4000);
        b.HasIndex(f => new { f.OrganizationId, f.SupplierId });
        b.HasMany(f => f.Actions).WithOne().HasForeignKey(a => a.FindingId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(f => f.IsOpen);
    }
}

internal sealed class CorrectiveActionConfiguration : IEntityTypeConfiguration<CorrectiveAction>
{
    public void Configure(EntityTypeBuilder<CorrectiveAction> b)
    {
        b.Property(a => a.Description).HasMaxLength(4000);
        b.Property(a => a.Owner).HasMaxLength(200);
        b.Property(a => a.VerifiedBy).HasMaxLength(256);
        b.Property(a => a.DisputeReason).HasMaxLength(2000);
        b.HasIndex(a => new { a.OrganizationId, a.Status, a.DueDate });
        b.HasIndex(a => new { a.OrganizationId, a.SupplierId });
    }
}

internal sealed class EvidenceFileConfiguration : IEntityTypeConfiguration<EvidenceFile>
{
    public void Configure(EntityTypeBuilder<EvidenceFile> b)
    {
        b.Property(e => e.FileName).HasMaxLength(255);
        b.Property(e => e.ContentType).HasMaxLength(100);
        b.Property(e => e.Sha256).HasMaxLength(64).IsFixedLength();
        b.Property(e => e.Description).HasMaxLength(1000);
        b.Property(e => e.UploadedBy).HasMaxLength(256);
        b.HasIndex(e => new { e.OrganizationId, e.OwnerType, e.OwnerId });
        b.HasIndex(e => new { e.OrganizationId, e.Sha256 });
        b.HasOne<Organization>().WithMany().HasForeignKey(e => e.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.Property(n => n.Key).HasMaxLength(200);
        b.Property(n => n.Kind).HasMaxLength(60);
        b.Property(n => n.Message).HasMaxLength(1000);
        b.Property(n => n.Link).HasMaxLength(300);
        b.HasIndex(n => new { n.OrganizationId, n.Key }).IsUnique();
        b.HasIndex(n => new { n.OrganizationId, n.CreatedAt });
        b.HasOne<Organization>().WithMany().HasForeignKey(n => n.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OrganizationSettingsConfiguration : IEntityTypeConfiguration<OrganizationSettings>
{
    public void Configure(EntityTypeBuilder<OrganizationSettings> b)
    {
        b.HasIndex(s => s.OrganizationId).IsUnique();
        b.ComplexProperty(s => s.CorrectiveActionPolicy);
        b.Ignore(s => s.GrievanceSla);
        b.HasOne<Organization>().WithMany().HasForeignKey(s => s.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}
