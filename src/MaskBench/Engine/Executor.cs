using System.Diagnostics;
using Serilog;
using Serilog.Context;

namespace MaskBench.Engine;

/// <summary>
/// Runs a schedule, Bullseye-style: a target starts once every target it depends on or comes after has
/// finished, while fewer than <c>jobs</c> targets run here (a target whose work runs elsewhere, a cluster's job, takes
/// none of those slots) and a slot of each resource it uses is free; ready
/// targets start in schedule order. A target runs when it is stale, decided just before it starts, and its
/// stamp is written only after it succeeded and made all its outputs. A failure stops only what depends on
/// it (keep-going); targets marked <c>AssuredAfterFailure</c> run all the same. Cancellation reaches the
/// running targets through their token; the targets not started yet are not run. Results come back in
/// schedule order, whatever order the targets finished in.
/// </summary>
internal sealed class Executor(StampStore stamps, Decider decider, int jobs = 1)
{
    public async Task<IReadOnlyList<TargetResult>> Run(IReadOnlyList<ExecutableTarget> schedule, CancellationToken cancellation)
    {
        var scheduled = schedule.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var waitsFor = schedule.Select(t => t.DependsOn.Concat(t.After).Where(scheduled.Contains).ToList()).ToList();
        var results = new TargetResult?[schedule.Count];
        var started = new bool[schedule.Count];
        var finished = new HashSet<string>(StringComparer.Ordinal);
        var broken = new Dictionary<string, string>(StringComparer.Ordinal); // target → which failure stopped it
        var resources = new ResourcePool();
        var running = new Dictionary<Task<TargetResult>, int>();
        while (true)
        {
            // The schedule is in dependency order, so one pass sees every target the last finish made ready.
            for (var i = 0; i < schedule.Count; i++)
            {
                var target = schedule[i];
                if (started[i] || !waitsFor[i].All(finished.Contains))
                    continue;
                var blocker = target.DependsOn.FirstOrDefault(broken.ContainsKey);
                if ((blocker is not null || cancellation.IsCancellationRequested) && !target.Assured)
                {
                    var cause = blocker is null ? "the build was cancelled" : broken[blocker];
                    broken[target.Name] = cause;
                    results[i] = new(target.Name, TargetStatus.NotRun, TimeSpan.Zero, cause);
                    started[i] = true;
                    finished.Add(target.Name);
                    continue;
                }
                if ((!target.Elsewhere && running.Values.Count(r => !schedule[r].Elsewhere) >= jobs) || !resources.TryTake(target.Uses))
                    continue;
                started[i] = true;
                running[Task.Run(() => RunOne(target, cancellation))] = i;
            }
            if (running.Count == 0)
                break;
            var done = await Task.WhenAny(running.Keys);
            var index = running[done];
            running.Remove(done);
            var result = await done;
            resources.Give(schedule[index].Uses);
            results[index] = result;
            finished.Add(result.Target);
            if (result.Status == TargetStatus.Failed)
                broken[result.Target] = $"{result.Target} failed";
        }
        return results.Select((r, i) => r ?? throw new InvalidOperationException($"{schedule[i].Name} was never started")).ToList();
    }

    async Task<TargetResult> RunOne(ExecutableTarget target, CancellationToken cancellation)
    {
        using var _ = LogContext.PushProperty("Target", target.Name);
        using var __ = LogContext.PushProperty("TargetPrefix", target.Name + " | ");
        var clock = Stopwatch.StartNew();
        try
        {
            var decision = decider.Decide(target, _ => false);
            if (decision.Verdict == Verdict.Skip)
                return new(target.Name, TargetStatus.Skipped, TimeSpan.Zero, decision.Because);
            if (decision.Verdict == Verdict.Collective)
                return new(target.Name, TargetStatus.Collective, TimeSpan.Zero, decision.Because);
            if (decision.Verdict == Verdict.UpToDate)
            {
                Log.Debug("{Target} is up to date", target.Name);
                return new(target.Name, TargetStatus.UpToDate, clock.Elapsed, "up to date");
            }
            Log.Information("── {Target} ── {Reason}", target.Name, decision.Because);
            var inputs = target.IsTracked ? target.Fingerprint(decider.UpstreamIdentity) : null;
            if (target.Action is not null)
                await target.Action(cancellation);
            if (inputs is not null)
                WriteStamp(target, inputs);
            return new(target.Name, TargetStatus.Ran, clock.Elapsed, decision.Because);
        }
        catch (Exception e)
        {
            var message =
                e is OperationCanceledException && cancellation.IsCancellationRequested
                    ? "cancelled (Ctrl-C, SIGTERM or SIGHUP) before it finished"
                    : Explain(e);
            if (ExitCodes.IsNoBaseline((e as MaskBenchException)?.ExitCode))
                Log.Warning("{Target}: no baseline yet: {Message}", target.Name, message);
            else
                Log.Error("{Target} failed: {Message}", target.Name, message);
            if (e is not MaskBenchException and not OperationCanceledException)
                Log.Debug(e, "{Target} failed", target.Name);
            return new(target.Name, TargetStatus.Failed, clock.Elapsed, message, (e as MaskBenchException)?.ExitCode);
        }
    }

    /// <summary>MaskBench's own errors and the system's I/O errors say what to do; anything else is a bug, said as one.</summary>
    static string Explain(Exception e) =>
        e is MaskBenchException or OperationCanceledException or IOException or UnauthorizedAccessException
        || e.GetType().Namespace?.StartsWith("MaskBench", StringComparison.Ordinal) == true
            ? e.Message
            : $"{e.GetType().Name}: {e.Message} (a bug in MaskBench; the stack trace is in the log file)";

    void WriteStamp(ExecutableTarget target, IReadOnlyDictionary<string, string> inputs)
    {
        var outputs = target.OutputIdentities();
        var missing = outputs.Where(o => o.Value is null).Select(o => o.Key).ToList();
        if (missing.Count > 0)
            throw new BuildException($"{target.Name} finished but did not make {string.Join(", ", missing)}");
        stamps.Write(new Stamp(target.Name, inputs, outputs, DateTimeOffset.UtcNow));
    }
}
