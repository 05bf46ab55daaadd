using MaskBench.Tools.Git;

namespace MaskBench.History.Bisect;

/// <summary>The commits a bisect walks: good, then each commit on the first-parent path from good to bad, bad last.</summary>
internal static class CommitRange
{
    public static async Task<IReadOnlyList<string>> Between(string clone, string good, string bad, CancellationToken cancellation)
    {
        var goodHash = await Named("good", clone, good, cancellation);
        var badHash = await Named("bad", clone, bad, cancellation);
        if (goodHash == badHash)
            throw new HistoryException($"--good and --bad are the same commit ({goodHash[..12]}): pass an older good commit");
        if (!(await GitCli.Run(clone, ["merge-base", "--is-ancestor", goodHash, badHash], cancellation)).Ok)
        {
            var newer = (await GitCli.Run(clone, ["merge-base", "--is-ancestor", badHash, goodHash], cancellation)).Ok;
            throw new HistoryException(
                newer
                    ? $"the good commit {goodHash[..12]} is newer than the bad one {badHash[..12]}: swap --good and --bad"
                    : $"the good commit {goodHash[..12]} is not an ancestor of the bad one {badHash[..12]}: pick a good commit on the bad commit's history"
            );
        }
        var list = await GitCli.Run(
            clone,
            ["rev-list", "--first-parent", "--ancestry-path", "--reverse", $"{goodHash}..{badHash}"],
            cancellation
        );
        if (!list.Ok)
            throw new HistoryException($"git rev-list {goodHash[..12]}..{badHash[..12]} failed in {clone}: {list.Error}");
        var commits = list.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        if (commits.Count == 0 || commits[^1] != badHash)
            throw new HistoryException(
                $"the bad commit {badHash[..12]} is not on the first-parent path from {goodHash[..12]}: pick a good commit on the bad commit's first-parent history"
            );
        return [goodHash, .. commits];
    }

    static async Task<string> Named(string role, string clone, string commit, CancellationToken cancellation)
    {
        try
        {
            return await CommitPin.Resolve(clone, commit, cancellation);
        }
        catch (GitException e)
        {
            throw new HistoryException($"--{role}: {e.Message}");
        }
    }
}
