using Compliance.Domain.Suppliers;
using Compliance.Domain.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Compliance.Web.Infrastructure.Persistence;

internal sealed class SupplierImportConfiguration : IEntityTypeConfiguration<SupplierImport>
{
    public void Configure(EntityTypeBuilder<SupplierImport> b)
    {
        b.Property(i => i.FileName).HasMaxLength(260);
        b.Property(i => i.FileKey).HasMaxLength(500);
        b.Property(i => i.FileSha256).HasMaxLength(64);
        b.Property(i => i.Encoding).HasMaxLength(40);
        b.Property(i => i.Delimiter).HasMaxLength(4);
        b.Property(i => i.Sheet).HasMaxLength(100);
        b.Property(i => i.RequestedBy).HasMaxLength(256);
        b.Property(i => i.ClaimedBy).HasMaxLength(200);
        b.Property(i => i.FailureReason).HasMaxLength(2000);
        b.HasIndex(i => new { i.OrganizationId, i.CreatedAt });
        // The workers' queue: unfinished imports, oldest first.
        b.HasIndex(i => new { i.Status, i.CreatedAt });
        b.HasOne<Organization>().WithMany().HasForeignKey(i => i.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SupplierImportIssueConfiguration : IEntityTypeConfiguration<SupplierImportIssue>
{
    public void Configure(EntityTypeBuilder<SupplierImportIssue> b)
    {
        b.Property(i => i.Column).HasMaxLength(200);
        b.Property(i => i.Code).HasMaxLength(60);
        b.Property(i => i.Message).HasMaxLength(1000);
        b.HasIndex(i => new { i.ImportId, i.Row });
        b.HasOne<SupplierImport>().WithMany().HasForeignKey(i => i.ImportId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SupplierImportRejectionConfiguration : IEntityTypeConfiguration<SupplierImportRejection>
{
    public void Configure(EntityTypeBuilder<SupplierImportRejection> b)
    {
        b.HasKey(r => new { r.ImportId, r.Row });
        b.HasOne<SupplierImport>().WithMany().HasForeignKey(r => r.ImportId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SupplierImportMappingConfiguration : IEntityTypeConfiguration<SupplierImportMapping>
{
    public void Configure(EntityTypeBuilder<SupplierImportMapping> b)
    {
        b.Property(m => m.HeaderSignature).HasMaxLength(64);
        b.HasIndex(m => new { m.OrganizationId, m.HeaderSignature }).IsUnique();
        b.HasOne<Organization>().WithMany().HasForeignKey(m => m.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}
