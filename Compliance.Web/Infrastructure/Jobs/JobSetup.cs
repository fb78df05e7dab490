using Compliance.Web.Features.Audits;
using Compliance.Web.Infrastructure.Persistence;
using Compliance.Web.Infrastructure.Tenancy;
using Quartz;

namespace Compliance.Web.Infrastructure.Jobs;

/// <summary>A scheduled job that does its work one organization at a time, inside that organization's tenant filter.</summary>
public interface ITenantJob
{
    static abstract string Name { get; }

    Task RunForTenantAsync(ComplianceDbContext db, TimeProvider clock, CancellationToken ct);
}

/// <summary>Runs an <see cref="ITenantJob"/> for every organization, each in its own scope, so one tenant's failure does not stop the others.</summary>
[DisallowConcurrentExecution]
public sealed class EveryTenant<TJob>(IServiceScopeFactory scopes, TimeProvider clock, ILogger<EveryTenant<TJob>> log) : IJob
    where TJob : ITenantJob, new()
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        List<Guid> organizations;
        await using (var scope = scopes.CreateAsyncScope())
            organizations = await CrossTenant.OrganizationIdsAsync(scope.ServiceProvider.GetRequiredService<ComplianceDbContext>(), cancellationToken);
        foreach (var organizationId in organizations)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ComplianceDbContext>();
            db.Tenant.Use(organizationId);
            try
            {
                await new TJob().RunForTenantAsync(db, clock, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Job {Job} failed for organization {Organization}", TJob.Name, organizationId);
            }
        }
    }
}

public static class JobSetup
{
    /// <summary>
    /// Quartz with the app's scheduled jobs, its schedule kept in the application database: on PostgreSQL a clustered
    /// store, so that a job runs once across all instances and one that dies mid-job is recovered by another; on SQLite
    /// a persistent single-node store. Quartz creates its own tables when they are missing (prefix <c>qrtz_</c>).
    /// </summary>
    public static IServiceCollection AddComplianceJobs(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var provider = Database.ProviderFrom(configuration);
        var connectionString = Database.ConnectionString(configuration, environment);
        services.AddQuartz(q =>
        {
            q.UsePersistentStore(store =>
            {
                if (provider == DatabaseProvider.Postgres)
                {
                    store.UsePostgres(connectionString);
                    store.UseClustering(c =>
                    {
                        c.CheckinInterval = TimeSpan.FromSeconds(configuration.GetValue("Jobs:ClusterCheckinSeconds", 7.5));
                        c.CheckinMisfireThreshold = TimeSpan.FromSeconds(configuration.GetValue("Jobs:ClusterCheckinMisfireSeconds", 20.0));
                    });
                }
                else store.UseSqlite(connectionString);
                store.ProvisionSchema();
            });
            Schedule<CorrectiveActionReminders>(q, configuration, "0 0 6 * * ?");
            Features.Screening.RescreenJob.Schedule(q, configuration);
            Schedule<Features.Grievances.GrievanceSlaWatch>(q, configuration, "0 5 * * * ?");
            Schedule<Features.Attestations.AttestationReminders>(q, configuration, "0 10 6 * * ?");
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }

    public static JobKey KeyOf<TJob>() where TJob : ITenantJob => new(TJob.Name);

    private static void Schedule<TJob>(IQuartzBuilder q, IConfiguration configuration, string defaultCron) where TJob : ITenantJob, new()
    {
        var cron = configuration[$"Jobs:{TJob.Name}:Cron"] ?? defaultCron;
        // Recoverable: a job whose instance died mid-run is run again by another (the tenant jobs are idempotent).
        q.AddJob<EveryTenant<TJob>>(j => j.WithIdentity(KeyOf<TJob>()).StoreDurably().RequestRecovery());
        q.AddTrigger(t => t.ForJob(KeyOf<TJob>()).WithIdentity($"{TJob.Name}-schedule").WithCronSchedule(cron, c => c.InTimeZone(TimeZoneInfo.Utc)));
    }
}
