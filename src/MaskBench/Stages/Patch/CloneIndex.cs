using MaskBench.Tools.Git;

namespace MaskBench.Stages.Patch;

/// <summary>
/// The git CLI in the clone, as Patch uses it: a diff applied to the working tree and the index, substituted files
/// staged, and the index written as a tree. Every call turns off the settings that would change bytes on the way
/// (CRLF conversion, whitespace fixing or ignoring); a conversion the repository's own .gitattributes asks for would
/// still show, as a blob or tree other than the proof's.
/// </summary>
static class CloneIndex
{
    static readonly string[] Exact = ["core.autocrlf=false", "apply.whitespace=nowarn", "apply.ignoreWhitespace=no"];

    /// <summary>Refreshes the index's file stamps (the checkout wrote them), so git compares content, not stamps; a
    /// git that fails here fails again, with its message, at the next call.</summary>
    public static Task Refresh(string clone, CancellationToken cancellation) =>
        Run(clone, ["update-index", "-q", "--refresh"], cancellation);

    /// <summary>
    /// <c>git apply --index</c>: all of the diff or none of it. Every hunk's context must match exactly; a hunk may
    /// stand a few lines from its stated place (<c>--unidiff-zero</c> only lifts git's rule that a hunk at line 1
    /// or without trailing context must sit at the file's start or end). Returns git's error, or null when it applied.
    /// </summary>
    public static async Task<string?> Apply(string clone, string patchFile, CancellationToken cancellation)
    {
        var result = await Run(clone, ["apply", "--index", "--unidiff-zero", "--whitespace=nowarn", "--", patchFile], cancellation);
        return result.Ok ? null : result.Errors;
    }

    /// <summary>Stages files changed on disk (their bytes, their mode), so the index is the tree they make.</summary>
    public static async Task Stage(string clone, IReadOnlyList<string> paths, CancellationToken cancellation)
    {
        if (paths.Count > 0)
            Ensure(await Run(clone, ["update-index", "--", .. paths], cancellation));
    }

    /// <summary>The tree hash of the index: what <c>git add -A; git write-tree</c> gives after patching.</summary>
    public static async Task<string> WriteTree(string clone, CancellationToken cancellation) =>
        Ensure(await Run(clone, ["write-tree"], cancellation)).Output;

    static GitCli.Answer Ensure(GitCli.Answer answer) =>
        answer.Ok
            ? answer
            : throw new PatchException(
                $"git in the clone failed: {answer.Error}; check that the clone's .git is intact, or run Clone again"
            );

    static Task<GitCli.Answer> Run(string clone, IReadOnlyList<string> arguments, CancellationToken cancellation) =>
        GitCli.Run(clone, arguments, cancellation, Exact);
}
