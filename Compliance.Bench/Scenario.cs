using System.Diagnostics;
using System.Globalization;

namespace Compliance.Bench;

/// <summary>A benchmark: found by reflection, run by name from the command line.</summary>
public interface IScenario
{
    string Name { get; }
    string Description { get; }
    Task RunAsync(BenchOptions options);
}

public sealed record BenchOptions(int Runs, int? Size, IReadOnlyDictionary<string, string> Extra)
{
    public static BenchOptions Parse(ReadOnlySpan<string> args)
    {
        var runs = 5;
        int? size = null;
        var extra = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length; i++)
        {
            var key = args[i].TrimStart('-');
            var value = i + 1 < args.Length ? args[++i] : "";
            switch (key)
            {
                case "runs": runs = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "size": size = int.Parse(value, CultureInfo.InvariantCulture); break;
                default: extra[key] = value; break;
            }
        }
        return new BenchOptions(runs, size, extra);
    }
}

/// <summary>Runs a subject and its peer alternately (so both see the same machine load) and reports medians.</summary>
public static class SideBySide
{
    public sealed record Result(string Subject, string Peer, double SubjectMedian, double PeerMedian)
    {
        /// <summary>How many times faster the subject is than the peer (peer time / subject time).</summary>
        public double Speedup => PeerMedian / SubjectMedian;
    }

    public static async Task<Result> RunAsync(string subject, Func<Task> runSubject, string peer, Func<Task> runPeer, int runs, Action? betweenRuns = null)
    {
        var a = new List<double>();
        var b = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            a.Add(await Time(runSubject));
            betweenRuns?.Invoke();
            b.Add(await Time(runPeer));
            betweenRuns?.Invoke();
            Console.WriteLine($"  run {i + 1}: {subject} {a[^1]:F3} s, {peer} {b[^1]:F3} s");
        }
        var result = new Result(subject, peer, Median(a), Median(b));
        Console.WriteLine($"median: {subject} {result.SubjectMedian:F3} s, {peer} {result.PeerMedian:F3} s, ratio {result.Speedup:F2}x");
        return result;
    }

    public static async Task<double> Time(Func<Task> action)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var watch = Stopwatch.StartNew();
        await action();
        return watch.Elapsed.TotalSeconds;
    }

    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>Peak working set of this process so far, in MB (Linux: VmHWM).</summary>
    public static double PeakWorkingSetMb()
    {
        using var p = Process.GetCurrentProcess();
        return p.PeakWorkingSet64 / 1024d / 1024d;
    }
}
