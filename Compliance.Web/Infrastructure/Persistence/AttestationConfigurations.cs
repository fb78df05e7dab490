using Compliance.Domain.Attestations;
using Compliance.Domain.Audits;
using Compliance.Domain.Grievances;
using Compliance.Domain.Suppliers;
using Compliance.Domain.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Compliance.Web.Infrastructure.Persistence;

internal sealed class FederalContractConfiguration : IEntityTypeConfiguration<FederalContract>
{
    public void Configure(EntityTypeBuilder<FederalContract> b)
    {
        b.Property(c => c.Number).HasMaxLength(100);
        b.Property(c => c.Agency).HasMaxLength(200);
        b.Property(c => c.AgencyKey).HasMaxLength(200);
        b.Property(c => c.ContractingOfficerEmail).HasMaxLength(256);
        b.Property(c => c.Value).HasPrecision(18, 2);
        b.Property(c => c.OutsideUsValue).HasPrecision(18, 2);
        b.Property(c => c.ThresholdApplied).HasPrecision(18, 2);
        b.Property(c => c.Reason).HasMaxLength(1000);
        b.HasIndex(c => new { c.OrganizationId, c.Number }).IsUnique();
        b.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CompliancePlanElementConfiguration : IEntityTypeConfiguration<CompliancePlanElement>
{
    public void Configure(EntityTypeBuilder<CompliancePlanElement> b)
    {
        b.HasIndex(e => new { e.OrganizationId, e.Kind }).IsUnique();
        b.HasOne<Organization>().WithMany().HasForeignKey(e => e.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CompliancePlanVersionConfiguration : IEntityTypeConfiguration<CompliancePlanVersion>
{
    public void Configure(EntityTypeBuilder<CompliancePlanVersion> b)
    {
        b.Property(v => v.AwarenessProgram).HasMaxLength(CompliancePlanRules.MaxElementLength);
        b.Property(v => v.ReportingProcess).HasMaxLength(CompliancePlanRules.MaxElementLength);
        b.Property(v => v.RecruitmentAndWagePlan).HasMaxLength(CompliancePlanRules.MaxElementLength);
        b.Property(v => v.HousingPlan).HasMaxLength(CompliancePlanRules.MaxElementLength);
        b.Property(v => v.SubcontractorProcedures).HasMaxLength(CompliancePlanRules.MaxElementLength);
        b.Property(v => v.SavedBy).HasMaxLength(256);
        b.HasIndex(v => new { v.OrganizationId, v.Version }).IsUnique();
        b.HasOne<Organization>().WithMany().HasForeignKey(v => v.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AttestationConfiguration : IEntityTypeConfiguration<Attestation>
{
    public void Configure(EntityTypeBuilder<Attestation> b)
    {
        b.Property(a => a.AgencyKey).HasMaxLength(200);
        // Two requests signing (or reviewing) at the same moment: the second save finds the status changed and fails.
        b.Property(a => a.Status).IsConcurrencyToken();
        b.Property(a => a.StatementVersion).HasMaxLength(60);
        b.Property(a => a.StatementText).HasMaxLength(8000);
        b.Property(a => a.StatementSha256).HasMaxLength(64).IsFixedLength();
        b.Property(a => a.ContactName).HasMaxLength(200);
        b.Property(a => a.ContactEmail).HasMaxLength(256);
        b.Property(a => a.TokenHash).HasMaxLength(64).IsFixedLength();
        b.Property(a => a.SignerName).HasMaxLength(200);
        b.Property(a => a.SignerTitle).HasMaxLength(200);
        b.Property(a => a.ReviewComments).HasMaxLength(AttestationFlow.MaxCommentLength);
        b.Property(a => a.ReviewedBy).HasMaxLength(256);
        b.Property(a => a.CreatedBy).HasMaxLength(256);
        // The supplier's link arrives before any organization is known: looked up by its hash alone (CrossTenant).
        b.HasIndex(a => a.TokenHash).IsUnique();
        // The officer's queue: by agency and status, across organizations (CrossTenant).
        b.HasIndex(a => new { a.AgencyKey, a.Status });
        b.HasIndex(a => new { a.OrganizationId, a.Kind, a.Status });
        b.HasIndex(a => new { a.OrganizationId, a.SupplierId });
        b.HasIndex(a => new { a.OrganizationId, a.ContractId });
        b.HasOne<Organization>().WithMany().HasForeignKey(a => a.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        // A signed certification is a record: the supplier or contract cannot be deleted from under it.
        b.HasOne<Supplier>().WithMany().HasForeignKey(a => a.SupplierId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<FederalContract>().WithMany().HasForeignKey(a => a.ContractId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AttestationReviewConfiguration : IEntityTypeConfiguration<AttestationReview>
{
    public void Configure(EntityTypeBuilder<AttestationReview> b)
    {
        b.Property(r => r.Comments).HasMaxLength(AttestationFlow.MaxCommentLength);
        b.Property(r => r.ReviewedBy).HasMaxLength(256);
        b.Property(r => r.Agency).HasMaxLength(200);
        b.HasIndex(r => new { r.OrganizationId, r.AttestationId });
        b.HasOne<Attestation>().WithMany().HasForeignKey(r => r.AttestationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CredibleInformationDisclosureConfiguration : IEntityTypeConfiguration<CredibleInformationDisclosure>
{
    public void Configure(EntityTypeBuilder<CredibleInformationDisclosure> b)
    {
        b.Property(d => d.WhatWasDisclosed).HasMaxLength(8000);
        b.Property(d => d.ContractingOfficer).HasMaxLength(256);
        b.Property(d => d.InspectorGeneral).HasMaxLength(256);
        b.Property(d => d.ActionsTaken).HasMaxLength(8000);
        b.Property(d => d.CreatedBy).HasMaxLength(256);
        b.HasIndex(d => new { d.OrganizationId, d.DisclosedOn });
        b.HasOne<Organization>().WithMany().HasForeignKey(d => d.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<FederalContract>().WithMany().HasForeignKey(d => d.ContractId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Grievance>().WithMany().HasForeignKey(d => d.GrievanceId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Finding>().WithMany().HasForeignKey(d => d.FindingId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TrainingSessionConfiguration : IEntityTypeConfiguration<TrainingSession>
{
    public void Configure(EntityTypeBuilder<TrainingSession> b)
    {
        b.Property(t => t.Title).HasMaxLength(300);
        b.HasIndex(t => new { t.OrganizationId, t.HeldOn });
        b.HasOne<Organization>().WithMany().HasForeignKey(t => t.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AccountabilityPolicyConfiguration : IEntityTypeConfiguration<AccountabilityPolicy>
{
    public void Configure(EntityTypeBuilder<AccountabilityPolicy> b)
    {
        b.Property(p => p.Text).HasMaxLength(20000);
        b.HasIndex(p => p.OrganizationId).IsUnique();
        b.HasOne<Organization>().WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EnforcementActionConfiguration : IEntityTypeConfiguration<EnforcementAction>
{
    public void Configure(EntityTypeBuilder<EnforcementAction> b)
    {
        b.Property(e => e.Description).HasMaxLength(4000);
        b.HasIndex(e => new { e.OrganizationId, e.TakenOn });
        b.HasOne<Organization>().WithMany().HasForeignKey(e => e.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}
