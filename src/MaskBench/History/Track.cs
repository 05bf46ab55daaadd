using MaskBench.Tools.Git;

namespace MaskBench.History;

/// <summary><c>Track-&lt;Id&gt;</c>: the newest commits of an implementation's branch that this machine has not measured yet.</summary>
internal static class Track
{
    /// <summary>
    /// Of <paramref name="newestFirst"/>, the commits with no measured run of <paramref name="implementation"/> on
    /// <paramref name="machineKey"/> that this build's runs could pool with, newest first, at most <paramref name="limit"/>:
    /// a run counts when its key has this build's setup (<see cref="MaskBench.Model.Records.Comparability.SameSetup"/>; a schema 1 run,
    /// with no key, counts for none) and its GPUs were neither thermal nor unwatched. <paramref name="wanted"/> null
    /// counts every measured run.
    /// </summary>
    public static IReadOnlyList<string> Unmeasured(
        IReadOnlyList<string> newestFirst,
        IEnumerable<HistoryRecord> history,
        string machineKey,
        string implementation,
        int limit,
        MaskBench.Model.Records.Comparability? wanted = null
    )
    {
        if (limit < 1)
            throw new HistoryException($"Track's limit {limit} measures nothing: pass --track-commits 1 or more");
        var measured = history
            .Where(r => r.MachineKey == machineKey && r.Implementation == implementation && r.Measured)
            .Where(r => wanted is null || r.Poolable && r.Key is { } key && key.SameSetup(wanted))
            .Select(r => r.Commit)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        return newestFirst.Where(c => !measured.Contains(c)).Take(limit).ToList();
    }

    /// <summary>The newest <paramref name="count"/> first-parent commits of <paramref name="branch"/> in a local clone, newest first.</summary>
    public static async Task<IReadOnlyList<string>> BranchCommits(string clone, string branch, int count, CancellationToken cancellation)
    {
        if (BranchName.Invalid(branch) is { } invalid)
            throw new HistoryException(invalid);
        var answer = await GitCli.Run(
            clone,
            ["rev-list", "--first-parent", $"--max-count={count}", "--end-of-options", branch, "--"],
            cancellation
        );
        if (!answer.Ok)
            throw new HistoryException($"the branch {branch} is not in {clone} ({answer.Error}): fetch it or pass another branch");
        return answer.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
