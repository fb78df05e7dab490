using Compliance.Web.Infrastructure.Persistence;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Compliance.Web.Infrastructure.Http;

/// <summary>GET /health answers 200 only when the database answers.</summary>
public sealed class DatabaseHealthCheck(ComplianceDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy("Database answers.")
            : HealthCheckResult.Unhealthy("Database does not answer.");
}
