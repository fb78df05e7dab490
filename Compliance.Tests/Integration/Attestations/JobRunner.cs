using Compliance.Tests.Fixtures;
using Compliance.Web.Infrastructure.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Compliance.Tests.Integration.Attestations;

/// <summary>Fires a scheduled job through Quartz, as its schedule would, and waits for it to finish.</summary>
public static class JobRunner
{
    public static async Task RunAsync<TJob>(ComplianceApp app) where TJob : ITenantJob
    {
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var done = new TaskCompletionSource();
        var listener = new CompletionListener(JobSetup.KeyOf<TJob>(), done);
        scheduler.ListenerManager.AddJobListener(listener);
        try
        {
            await scheduler.TriggerJob(JobSetup.KeyOf<TJob>());
            await done.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            scheduler.ListenerManager.RemoveJobListener(listener.Name);
        }
    }

    private sealed class CompletionListener(JobKey job, TaskCompletionSource done) : IJobListener
    {
        public string Name { get; } = $"test-{Guid.NewGuid():N}";
        public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
        public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
        {
            if (!context.JobDetail.Key.Equals(job)) return ValueTask.CompletedTask; // another job finishing says nothing about this one
            if (jobException is null) done.TrySetResult();
            else done.TrySetException(jobException);
            return ValueTask.CompletedTask;
        }
    }
}
