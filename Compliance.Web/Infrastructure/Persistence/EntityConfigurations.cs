using Compliance.Domain.Common;
using Compliance.Domain.Suppliers;
using Compliance.Domain.Tenancy;
using Compliance.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Compliance.Web.Infrastructure.Persistence;

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> b)
    {
        b.Property(o => o.Name).HasMaxLength(200);
        b.Property(o => o.Slug).HasMaxLength(60);
        b.HasIndex(o => o.Slug).IsUnique();
        b.Property(o => o.AnnualWorldwideGrossReceiptsUsd).HasPrecision(18, 2);
    }
}

internal sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> b)
    {
        b.Property(m => m.UserId).HasMaxLength(450);
        b.HasIndex(m => new { m.OrganizationId, m.UserId, m.Role }).IsUnique();
        b.HasIndex(m => m.UserId);
        b.HasOne<Organization>().WithMany().HasForeignKey(m => m.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AppUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ContractingOfficerConfiguration : IEntityTypeConfiguration<ContractingOfficer>
{
    public void Configure(EntityTypeBuilder<ContractingOfficer> b)
    {
        b.Property(o => o.UserId).HasMaxLength(450);
        b.Property(o => o.Agency).HasMaxLength(200);
        b.HasIndex(o => o.UserId).IsUnique();
        b.HasOne<AppUser>().WithMany().HasForeignKey(o => o.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> b)
    {
        b.Property(t => t.Name).HasMaxLength(100);
        b.Property(t => t.SecretHash).HasMaxLength(64);
        b.Property(t => t.CreatedBy).HasMaxLength(256);
        b.HasIndex(t => t.SecretHash).IsUnique();
        b.Ignore(t => t.IsActive);
        b.HasOne<Organization>().WithMany().HasForeignKey(t => t.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SupplierConfiguration : IEntityTypeConfiguration<Supplier>
{
    public void Configure(EntityTypeBuilder<Supplier> b)
    {
        b.Property(s => s.ExternalReference).HasMaxLength(SupplierRules.ExternalReferenceMax);
        b.Property(s => s.Name).HasMaxLength(SupplierRules.NameMax);
        b.Property(s => s.Country).HasMaxLength(2).IsFixedLength();
        b.Property(s => s.Address).HasMaxLength(SupplierRules.AddressMax);
        b.Property(s => s.Lei).HasMaxLength(20);
        b.Property(s => s.Duns).HasMaxLength(9);
        b.Property(s => s.Uscc).HasMaxLength(18);
        b.Property(s => s.OpenSupplyHubId).HasMaxLength(40);
        b.HasIndex(s => new { s.OrganizationId, s.ExternalReference }).IsUnique();
        b.HasIndex(s => new { s.OrganizationId, s.Name });
        // Name (then Id) order within a country: list pages and OData queries read a page instead of sorting the country,
        // and (PostgreSQL: Tier included) find a page's keys from the index alone, however far $skip goes (migration 0012).
        b.HasIndex(s => new { s.OrganizationId, s.Country, s.Name, s.Id }).IncludeProperties(s => new { s.Tier });
        b.HasOne<Organization>().WithMany().HasForeignKey(s => s.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        // Not a database cascade (SQL Server forbids the second path); the delete handler detaches children.
        b.HasOne<Supplier>().WithMany().HasForeignKey(s => s.ParentId).OnDelete(DeleteBehavior.ClientSetNull);
        b.HasMany(s => s.Products).WithOne().HasForeignKey(p => p.SupplierId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SupplierProductConfiguration : IEntityTypeConfiguration<SupplierProduct>
{
    public void Configure(EntityTypeBuilder<SupplierProduct> b)
    {
        b.Property(p => p.Name).HasMaxLength(SupplierRules.ProductNameMax);
        b.Property(p => p.HsCode).HasMaxLength(10);
        b.Property(p => p.OriginCountry).HasMaxLength(2).IsFixedLength();
    }
}

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> b)
    {
        b.Property(e => e.Actor).HasMaxLength(256);
        b.Property(e => e.EntityType).HasMaxLength(100);
        b.Property(e => e.EntityId).HasMaxLength(100);
        b.Property(e => e.PreviousHash).HasMaxLength(64);
        b.Property(e => e.Hash).HasMaxLength(64);
        // The chain's order, and the guard against two writers taking the same place in it.
        b.HasIndex(e => new { e.OrganizationId, e.Sequence }).IsUnique();
        b.HasIndex(e => new { e.OrganizationId, e.EntityType, e.EntityId });
    }
}
