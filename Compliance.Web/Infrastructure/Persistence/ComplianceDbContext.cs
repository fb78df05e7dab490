using System.Linq.Expressions;
using Compliance.Domain.Attestations;
using Compliance.Domain.Audits;
using Compliance.Domain.Common;
using Compliance.Domain.Disclosures;
using Compliance.Domain.Evidence;
using Compliance.Domain.Screening;
using Compliance.Domain.Grievances;
using Compliance.Domain.Suppliers;
using Compliance.Domain.Tenancy;
using Compliance.Web.Infrastructure.Identity;
using Compliance.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Web.Infrastructure.Persistence;

/// <summary>
/// The one DbContext. Provider-specific subclasses exist only to carry their own migrations;
/// the model is provider-neutral.
/// </summary>
public abstract class ComplianceDbContext(DbContextOptions options, TenantContext tenant, AuditTrail auditTrail)
    : IdentityDbContext<AppUser>(options)
{
    /// <summary>Name of the query filter that restricts every tenant-owned entity to the current organization.</summary>
    public const string TenantFilter = "Tenant";

    public TenantContext Tenant { get; } = tenant;

    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<ContractingOfficer> ContractingOfficers => Set<ContractingOfficer>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<Supplier> Suppliers => Set<Supplier>();
    public DbSet<SupplierProduct> SupplierProducts => Set<SupplierProduct>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<OrganizationSettings> OrganizationSettings => Set<OrganizationSettings>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<Audit> Audits => Set<Audit>();
    public DbSet<Finding> Findings => Set<Finding>();
    public DbSet<CorrectiveAction> CorrectiveActions => Set<CorrectiveAction>();
    public DbSet<EvidenceFile> EvidenceFiles => Set<EvidenceFile>();
    public DbSet<SupplierImport> SupplierImports => Set<SupplierImport>();
    public DbSet<SupplierImportIssue> SupplierImportIssues => Set<SupplierImportIssue>();
    public DbSet<SupplierImportRejection> SupplierImportRejections => Set<SupplierImportRejection>();
    public DbSet<SupplierImportMapping> SupplierImportMappings => Set<SupplierImportMapping>();
    public DbSet<RiskList> RiskLists => Set<RiskList>();
    public DbSet<RiskListEntry> RiskListEntries => Set<RiskListEntry>();
    public DbSet<ScreeningRun> ScreeningRuns => Set<ScreeningRun>();
    public DbSet<RecordedHit> ScreeningHits => Set<RecordedHit>();
    public DbSet<ScreeningDecision> ScreeningDecisions => Set<ScreeningDecision>();
    public DbSet<Grievance> Grievances => Set<Grievance>();
    public DbSet<GrievanceMessage> GrievanceMessages => Set<GrievanceMessage>();
    public DbSet<Disclosure> Disclosures => Set<Disclosure>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<FederalContract> FederalContracts => Set<FederalContract>();
    public DbSet<CompliancePlanElement> CompliancePlanElements => Set<CompliancePlanElement>();
    public DbSet<CompliancePlanVersion> CompliancePlanVersions => Set<CompliancePlanVersion>();
    public DbSet<Attestation> Attestations => Set<Attestation>();
    public DbSet<AttestationReview> AttestationReviews => Set<AttestationReview>();
    public DbSet<CredibleInformationDisclosure> CredibleInformationDisclosures => Set<CredibleInformationDisclosure>();
    public DbSet<TrainingSession> TrainingSessions => Set<TrainingSession>();
    public DbSet<AccountabilityPolicy> AccountabilityPolicies => Set<AccountabilityPolicy>();
    public DbSet<EnforcementAction> EnforcementActions => Set<EnforcementAction>();

    /// <summary>Read by the tenant filter at query time; throws when no organization is resolved (fail closed).</summary>
    private Guid CurrentOrganizationId => Tenant.RequiredOrganizationId;

    /// <summary>Read by the platform-or-own filter: with no organization resolved only platform rows are visible.</summary>
    private Guid? OptionalOrganizationId => Tenant.OrganizationId;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ComplianceDbContext).Assembly);

        foreach (var type in builder.Model.GetEntityTypes().Where(t => typeof(ITenantOwned).IsAssignableFrom(t.ClrType)).ToList())
        {
            // e => e.OrganizationId == this.CurrentOrganizationId, evaluated per query against this context instance.
            var entity = Expression.Parameter(type.ClrType, "e");
            var filter = Expression.Lambda(
                Expression.Equal(
                    Expression.Property(entity, nameof(ITenantOwned.OrganizationId)),
                    Expression.Property(Expression.Constant(this, typeof(ComplianceDbContext)), nameof(CurrentOrganizationId))),
                entity);
            builder.Entity(type.ClrType).HasQueryFilter(TenantFilter, filter);
        }

        foreach (var type in builder.Model.GetEntityTypes().Where(t => typeof(IPlatformOrOwned).IsAssignableFrom(t.ClrType)).ToList())
        {
            // e => e.OwnerOrganizationId == null || e.OwnerOrganizationId == this.OptionalOrganizationId: platform rows, and the current organization's own.
            var entity = Expression.Parameter(type.ClrType, "e");
            var owner = Expression.Property(entity, nameof(IPlatformOrOwned.OwnerOrganizationId));
            var filter = Expression.Lambda(
                Expression.OrElse(
                    Expression.Equal(owner, Expression.Constant(null, typeof(Guid?))),
                    Expression.Equal(owner, Expression.Property(Expression.Constant(this, typeof(ComplianceDbContext)), nameof(OptionalOrganizationId)))),
                entity);
            builder.Entity(type.ClrType).HasQueryFilter(TenantFilter, filter);
        }

        // Every Guid key is made by the code that creates the row (Guid.NewGuid, CreateVersion7). Were EF to think it
        // generates them, a new row reached through a tracked parent (a product added to a supplier being edited) would
        // look like an existing row to update, and the save would fail.
        foreach (var key in builder.Model.GetEntityTypes().Select(t => t.FindPrimaryKey()).OfType<Microsoft.EntityFrameworkCore.Metadata.IMutableKey>())
            foreach (var property in key.Properties.Where(p => p.ClrType == typeof(Guid)))
                property.ValueGenerated = Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never;
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default) =>
        auditTrail.SaveWithAuditAsync(this, () => base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken), cancellationToken);

    /// <summary>Serializes appends to one organization's audit chain across processes, inside the current transaction.</summary>
    internal abstract Task LockAuditChainAsync(Guid organizationId, CancellationToken ct);
}

public sealed class SqliteComplianceDbContext(DbContextOptions<SqliteComplianceDbContext> options, TenantContext tenant, AuditTrail auditTrail)
    : ComplianceDbContext(options, tenant, auditTrail)
{
    // SQLite transactions from Microsoft.Data.Sqlite begin IMMEDIATE: the write lock is already held.
    internal override Task LockAuditChainAsync(Guid organizationId, CancellationToken ct) => Task.CompletedTask;
}

public sealed class PostgresComplianceDbContext(DbContextOptions<PostgresComplianceDbContext> options, TenantContext tenant, AuditTrail auditTrail)
    : ComplianceDbContext(options, tenant, auditTrail)
{
    internal override Task LockAuditChainAsync(Guid organizationId, CancellationToken ct) =>
        Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({BitConverter.ToInt64(organizationId.ToByteArray(), 0)})", ct);
}
