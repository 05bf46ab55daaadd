using System.Diagnostics;
using MaskBench.Foundation.Files;
using Newtonsoft.Json;
using Serilog;

namespace MaskBench.Stages.Train;

/// <summary>The live-trainings journal: one file per running training in a folder of the work folder
/// (<c>&lt;work&gt;/live/&lt;run&gt;.json</c>). A build killed by SIGKILL (the OOM killer, a CI hard stop) cannot stop its
/// training; the next build finds the entry and stops what is left before it trains on the same GPUs.</summary>
internal static class LiveTrainings
{
    public static void Record(string path, LiveTraining entry)
    {
        JsonFiles.Write(path, entry);
    }

    public static void Forget(string path) => File.Delete(path);

    /// <summary>Stops every training of the journal whose build is gone and whose processes (or container) are still
    /// there: interrupt, <paramref name="grace"/>, kill, with a warning that names it. Entries of a build still running
    /// (this one included) are left alone. Throws <see cref="RunnerException"/> when one survives the kill.</summary>
    /// <returns>The runs that were stopped.</returns>
    public static async Task<IReadOnlyList<string>> StopLeftoversAsync(string folder, TimeSpan grace)
    {
        if (!Directory.Exists(folder))
            return [];
        var stopped = new List<string>();
        foreach (var path in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var entry = Read(path);
            if (entry is null)
            {
                Log.Warning("{Path} is not a live-training entry: removing it", path);
                File.Delete(path);
                continue;
            }
            if (entry.OwnerAlive)
                continue;
            var stopper = entry.Stopper();
            if (await stopper.IsGoneAsync())
            {
                File.Delete(path);
                continue;
            }
            Log.Warning(
                "{Run}: a training started {Started:u} by an earlier build (pid {Owner}, now gone) is still running{Where}: stopping it before anything trains beside it ({Command})",
                entry.Run,
                entry.Started,
                entry.Owner,
                entry.Container is { } c ? $" in container {c}"
                    : entry.ProcessGroup is { } g ? $" (process group {g})"
                    : "",
                entry.Command
            );
            if (await TreeStop.RunAsync(stopper, grace, Stopwatch.StartNew()) is null)
                throw new RunnerException(
                    $"{entry.Run}: a training left by an earlier build survives SIGKILL ({Hint(entry)}); stop it by hand, then delete {path}"
                );
            File.Delete(path);
            stopped.Add(entry.Run);
        }
        return stopped;
    }

    /// <summary>The output folders the journal's entries name (live or not: a stale entry is removed by <see cref="StopLeftoversAsync"/>).</summary>
    public static IReadOnlySet<string> Outputs(string? folder) =>
        folder is null || !Directory.Exists(folder)
            ? new HashSet<string>()
            : Directory.GetFiles(folder, "*.json").Select(Read).Where(e => e?.Output is not null).Select(e => e!.Output!).ToHashSet();

    static string Hint(LiveTraining entry) =>
        entry.Container is { } container
            ? $"{entry.Engine} rm -f {container}"
            : $"its processes carry {ProcessMark.Variable}={entry.Mark}"
                + (entry.ProcessGroup is { } g ? $"; kill -KILL -- -{g}" : "")
                + (entry.Cgroup is { } c ? $"; the rest are in {c}/cgroup.procs" : "");

    static LiveTraining? Read(string path)
    {
        try
        {
            var entry = JsonFiles.ParseOrNull<LiveTraining>(File.ReadAllText(path));
            return entry is { Mark.Length: > 0, Run: not null } ? entry : null;
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            return null;
        }
    }
}
