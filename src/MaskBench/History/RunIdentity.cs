using MaskBench.Tools.Git;

namespace MaskBench.History;

/// <summary>What a run measured: the implementation's commit (full hash) and date, the patched tree, the environment identity hash and the stack's name.</summary>
internal sealed record RunIdentity(string Commit, string Tree, DateTimeOffset CommitDate, string Environment, string Stack)
{
    /// <summary>The committer date of <paramref name="commit"/> in a local clone (the history's time axis).</summary>
    public static async Task<DateTimeOffset> CommitDateOf(string clone, string commit, CancellationToken cancellation)
    {
        var answer = await GitCli.Run(clone, ["show", "-s", "--format=%cI", commit, "--"], cancellation);
        if (!answer.Ok || !DateTimeOffset.TryParse(answer.Output, System.Globalization.CultureInfo.InvariantCulture, out var date))
            throw new HistoryException($"cannot read the date of commit {commit} in {clone} ({answer.Error}): run Clone again");
        return date;
    }
}
