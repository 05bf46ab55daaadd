using System.Text.RegularExpressions;

namespace MaskBench.Tools.Git;

/// <summary><c>--pin &lt;commit&gt;</c>: a commit given as full or abbreviated hex, checked and resolved to its full hash in a local clone.</summary>
internal static partial class CommitPin
{
    /// <summary>Null when <paramref name="commit"/> is 4 to 40 hex digits; otherwise the line that says what is wrong.</summary>
    public static string? Invalid(string commit) =>
        HexCommit().IsMatch(commit) ? null : $"'{commit}' is not a commit hash: pass 4 to 40 hexadecimal digits (e.g. --pin 2f3c9a1)";

    /// <summary>The full hash of <paramref name="commit"/> in <paramref name="clone"/>, or one line saying why not.</summary>
    public static async Task<string> Resolve(string clone, string commit, CancellationToken cancellation)
    {
        if (Invalid(commit) is { } invalid)
            throw new GitException(invalid);
        var answer = await GitCli.Run(clone, ["rev-parse", "--verify", "--quiet", $"{commit}^{{commit}}"], cancellation);
        if (answer.Ok && answer.Output.Length == 40)
            return answer.Output;
        var ambiguous = await GitCli.Run(clone, ["rev-parse", "--disambiguate=" + commit], cancellation);
        if (ambiguous.Ok && ambiguous.Output.Split('\n').Length > 1)
            throw new GitException($"the commit {commit} is ambiguous in {clone}: give more digits");
        throw new GitException(
            $"the commit {commit} is not in {clone} (unknown, or not reachable from the fetched branches and tags): check the hash, or fetch the branch that holds it"
        );
    }

    [GeneratedRegex("^[0-9a-fA-F]{4,40}$")]
    private static partial Regex HexCommit();
}
