using Compliance.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Web.Infrastructure.Persistence;

/// <summary>Prints the provider's create script for the current model: the starting point of a new migration.</summary>
public static class SchemaScript
{
    public static string For(DatabaseProvider provider)
    {
        var tenant = new TenantContext();
        var trail = new AuditTrail(TimeProvider.System);
        ComplianceDbContext db = provider switch
        {
            DatabaseProvider.Sqlite => new SqliteComplianceDbContext(
                new DbContextOptionsBuilder<SqliteComplianceDbContext>().UseSqlite("Data Source=:memory:").Options, tenant, trail),
            _ => new PostgresComplianceDbContext(
                new DbContextOptionsBuilder<PostgresComplianceDbContext>().UseNpgsql("Host=localhost").Options, tenant, trail),
        };
        using (db) return db.Database.GenerateCreateScript();
    }
}
