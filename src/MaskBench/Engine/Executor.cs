using System.Diagnostics;
using Serilog;
using Serilog.Context;

namespace MaskBench.Engine;

/// <summary>
/// Runs a schedule. A target runs when it is stale, and its stamp is written only after it succeeded
/// and made all its outputs. A failure stops only what depends on it (keep-going); targets marked
/// <c>AssuredAfterFailure</c> run all the same.
/// </summary>
internal sealed class Executor(StampStore stamps, Decider decider)
{
    public event Action<ExecutableTarget, Exception>? TargetFailed;

    /// <summary>After every target that ran or was up to date (not skipped, failed or not run).</summary>
    public event Action<ExecutableTarget, TargetResult>? TargetSucceeded;

    public async Task<IReadOnlyList<TargetResult>> Run(IReadOnlyList<ExecutableTarget> schedule, CancellationToken cancellation)
    {
        var results = new List<TargetResult>();
        var broken = new Dictionary<string, string>(StringComparer.Ordinal); // target → which failure stopped it
        foreach (var target in schedule)
        {
            var blocker = target.DependsOn.FirstOrDefault(broken.ContainsKey);
            if ((blocker is not null || cancellation.IsCancellationRequested) && !target.Assured)
            {
                var cause = blocker is null ? "the build was cancelled" : broken[blocker];
                broken[target.Name] = cause;
                results.Add(new(target.Name, TargetStatus.NotRun, TimeSpan.Zero, cause));
                continue;
            }
            var result = await RunOne(target);
            results.Add(result);
            if (result.Status is TargetStatus.Ran or TargetStatus.UpToDate)
                TargetSucceeded?.Invoke(target, result);
            if (result.Status == TargetStatus.Failed)
                broken[target.Name] = $"{target.Name} failed";
        }
        return results;
    }

    async Task<TargetResult> RunOne(ExecutableTarget target)
    {
        using var _ = LogContext.PushProperty("Target", target.Name);
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
                await target.Action();
            if (inputs is not null)
                WriteStamp(target, inputs);
            return new(target.Name, TargetStatus.Ran, clock.Elapsed, decision.Because);
        }
        catch (Exception e)
        {
            var message = Explain(e);
            Log.Error("{Target} failed: {Message}", target.Name, message);
            if (e is not BuildException and not OperationCanceledException)
                Log.Debug(e, "{Target} failed", target.Name);
            TargetFailed?.Invoke(target, e);
            return new(target.Name, TargetStatus.Failed, clock.Elapsed, message);
        }
    }

    /// <summary>MaskBench's own errors and the system's I/O errors say what to do; anything else is a bug, said as one.</summary>
    static string Explain(Exception e) =>
        e is BuildException or OperationCanceledException or IOException or UnauthorizedAccessException
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
