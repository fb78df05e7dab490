using Compliance.Domain.Screening;
using Compliance.Domain.Suppliers;
using Compliance.Domain.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Compliance.Web.Infrastructure.Persistence;

internal sealed class RiskListConfiguration : IEntityTypeConfiguration<RiskList>
{
    public void Configure(EntityTypeBuilder<RiskList> b)
    {
        b.Property(l => l.Name).HasMaxLength(200);
        b.Property(l => l.Edition).HasMaxLength(100);
        b.Property(l => l.Source).HasMaxLength(1000);
        b.Property(l => l.Sha256).HasMaxLength(64).IsFixedLength();
        b.Property(l => l.Notes).HasMaxLength(2000);
        b.Property(l => l.FileName).HasMaxLength(255);
        b.Property(l => l.ImportedBy).HasMaxLength(256);
        b.Ignore(l => l.Info);
        // "Already loaded" is kind + file + edition: one history file holds several editions.
        b.HasIndex(l => new { l.OwnerOrganizationId, l.Kind, l.Sha256, l.Edition });
        b.HasIndex(l => new { l.OwnerOrganizationId, l.Kind, l.Name, l.Edition });
        b.HasOne<Organization>().WithMany().HasForeignKey(l => l.OwnerOrganizationId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany<RiskListEntry>().WithOne().HasForeignKey(e => e.RiskListId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RiskListEntryConfiguration : IEntityTypeConfiguration<RiskListEntry>
{
    public void Configure(EntityTypeBuilder<RiskListEntry> b)
    {
        b.Property(e => e.Key).HasMaxLength(400);
        b.Property(e => e.Fingerprint).HasMaxLength(64).IsFixedLength();
        b.Property(e => e.Good).HasMaxLength(200);
        b.Property(e => e.Country).HasMaxLength(2).IsFixedLength();
        b.Property(e => e.CountryAsListed).HasMaxLength(200);
        b.Property(e => e.Sector).HasMaxLength(100);
        b.Property(e => e.InputGood).HasMaxLength(200);
        b.Property(e => e.InputCountry).HasMaxLength(2).IsFixedLength();
        b.Property(e => e.StatusNote).HasMaxLength(1000);
        b.Property(e => e.EntityName).HasMaxLength(400);
        b.Property(e => e.EntityType).HasMaxLength(100);
        b.Property(e => e.EntitySource).HasMaxLength(1000);
        b.Property(e => e.Notes).HasMaxLength(2000);
        b.HasIndex(e => new { e.RiskListId, e.Key });
    }
}

internal sealed class ScreeningRunConfiguration : IEntityTypeConfiguration<ScreeningRun>
{
    public void Configure(EntityTypeBuilder<ScreeningRun> b)
    {
        b.Property(r => r.RequestedBy).HasMaxLength(256);
        b.Property(r => r.Editions).HasMaxLength(4000);
        b.Property(r => r.Error).HasMaxLength(2000);
        b.Property(r => r.ClaimedBy).HasMaxLength(200);
        b.HasIndex(r => new { r.Status, r.CreatedAt });
        b.HasIndex(r => new { r.OrganizationId, r.CreatedAt });
        b.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RecordedHitConfiguration : IEntityTypeConfiguration<RecordedHit>
{
    public void Configure(EntityTypeBuilder<RecordedHit> b)
    {
        b.ToTable("ScreeningHits");
        b.Property(h => h.ListName).HasMaxLength(200);
        b.Property(h => h.Edition).HasMaxLength(100);
        b.Property(h => h.Good).HasMaxLength(200);
        b.Property(h => h.EntityName).HasMaxLength(400);
        b.Property(h => h.Country).HasMaxLength(2).IsFixedLength();
        b.Property(h => h.MatchedOn).HasMaxLength(100);
        b.Property(h => h.MatchedText).HasMaxLength(400);
        b.Property(h => h.Rule).HasMaxLength(40);
        b.Property(h => h.Explanation).HasMaxLength(4000);
        b.Property(h => h.EntryKey).HasMaxLength(700);
        b.Property(h => h.EntryFingerprint).HasMaxLength(64).IsFixedLength();
        b.Property(h => h.DecisionKey).HasMaxLength(64).IsFixedLength();
        b.Property(h => h.DecidedBy).HasMaxLength(256);
        b.Property(h => h.DecisionReason).HasMaxLength(2000);
        b.Ignore(h => h.IsCurrent);
        b.HasIndex(h => new { h.OrganizationId, h.SupplierId, h.ClearedAt });
        b.HasIndex(h => new { h.OrganizationId, h.Status, h.ClearedAt });
        b.HasOne<Supplier>().WithMany().HasForeignKey(h => h.SupplierId).OnDelete(DeleteBehavior.Cascade);
        // Lists are never deleted while hits point at them; the hit's own columns keep what it said regardless.
        b.HasOne<RiskList>().WithMany().HasForeignKey(h => h.RiskListId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ScreeningDecisionConfiguration : IEntityTypeConfiguration<ScreeningDecision>
{
    public void Configure(EntityTypeBuilder<ScreeningDecision> b)
    {
        b.Property(d => d.DecisionKey).HasMaxLength(64).IsFixedLength();
        b.Property(d => d.EntryFingerprint).HasMaxLength(64).IsFixedLength();
        b.Property(d => d.Reason).HasMaxLength(2000);
        b.Property(d => d.DecidedBy).HasMaxLength(256);
        b.HasIndex(d => new { d.OrganizationId, d.SupplierId, d.DecisionKey });
        b.HasOne<RecordedHit>().WithMany().HasForeignKey(d => d.HitId).OnDelete(DeleteBehavior.Cascade);
    }
}
