using Compliance.Domain.Grievances;
using Compliance.Domain.Screening;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Web.Features.Grievances;

/// <summary>What grievances add to a supplier's risk: a substantiated one is a worker's account confirmed by investigation.</summary>
public static class GrievanceRisk
{
    public const double SubstantiatedPoints = 35;
    public const double RemediatedPoints = 10;

    public static async Task<List<RiskPart>> PartsAsync(Guid supplierId, ComplianceDbContext db, CancellationToken ct)
    {
        var substantiated = await db.Grievances.AsNoTracking()
            .Where(g => g.SupplierId == supplierId && g.Substantiated == true)
            .Select(g => new { g.Status, g.Category })
            .ToListAsync(ct);
        var parts = new List<RiskPart>();
        var open = substantiated.Where(o => o.Status == GrievanceStatus.Substantiated).ToList();
        if (open.Count > 0)
            parts.Add(new RiskPart("substantiated-grievances", "Substantiated worker grievances", SubstantiatedPoints * open.Count,
                $"{open.Count} substantiated grievance(s) not yet remediated: {string.Join(", ", open.Select(o => GrievanceCategories.Words(o.Category)).Distinct())}."));
        var settled = substantiated.Count - open.Count;
        if (settled > 0)
            parts.Add(new RiskPart("remediated-grievances", "Remediated worker grievances", RemediatedPoints * settled,
                $"{settled} substantiated grievance(s) remediated or closed; the pattern still counts."));
        return parts;
    }
}
