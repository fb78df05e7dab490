using Compliance.Domain.Screening;
using Compliance.Web.Infrastructure.Persistence;
using Quartz;

namespace Compliance.Web.Features.Screening;

/// <summary>
/// Quartz job: queues a screening run for every organization, nightly (Jobs:screening-rescreen:Cron, default 02:00 UTC)
/// and when a new platform edition is imported. The runs themselves are database rows a worker claims, so a run queued
/// here survives a restart; notices are raised only for new or changed hits.
/// </summary>
[DisallowConcurrentExecution]
public sealed class RescreenJob(IServiceProvider services) : IJob
{
    public const string Name = "screening-rescreen";
    public const string TriggerKey = "trigger";
    public static readonly JobKey Key = new(Name);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var trigger = Enum.TryParse<ScreeningTrigger>(context.MergedJobDataMap.GetString(TriggerKey), out var t) ? t : ScreeningTrigger.Nightly;
        await ScreeningQueue.EnqueueForEveryOrganizationAsync(services, trigger, Infrastructure.Persistence.AuditTrail.SystemActor, cancellationToken);
    }

    public static void Schedule(IQuartzBuilder q, IConfiguration configuration)
    {
        q.AddJob<RescreenJob>(j => j.WithIdentity(Key).StoreDurably());
        q.AddTrigger(t => t.ForJob(Key).WithIdentity($"{Name}-schedule")
            .WithCronSchedule(configuration[$"Jobs:{Name}:Cron"] ?? "0 0 2 * * ?", c => c.InTimeZone(TimeZoneInfo.Utc)));
    }

    /// <summary>Re-screens every organization now, because a new platform edition was imported.</summary>
    public static async Task TriggerForNewEditionAsync(ISchedulerFactory schedulers, CancellationToken ct)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        await scheduler.TriggerJob(Key, new JobDataMap { [TriggerKey] = nameof(ScreeningTrigger.NewListEdition) }, ct);
    }
}
