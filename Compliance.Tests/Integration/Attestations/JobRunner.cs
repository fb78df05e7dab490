using Compliance.Tests.Fixtures;
using Compliance.Web.Infrastructure.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace Compliance.Tests.Integration.Attestations;

/// <summary>
/// Runs a scheduled job's every-tenant wrapper with the app's own services, as Quartz does on schedule. (Triggering through
/// the scheduler is racy in a test run: parallel test apps share Quartz's process-wide scheduler registry.)
/// </summary>
public static class JobRunner
{
    public static async Task RunAsync<TJob>(ComplianceApp app) where TJob : ITenantJob, new()
    {
        var job = ActivatorUtilities.CreateInstance<EveryTenant<TJob>>(app.Services);
        await job.Execute(null!, CancellationToken.None);
    }
}
