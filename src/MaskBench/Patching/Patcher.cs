using MaskBench.Catalog;
using Serilog;

namespace MaskBench.Patching;

/// <summary>Applies a recipe's patches, all or nothing, to a clean checkout of the pinned commit.</summary>
public static class Patcher
{
    /// <summary>
    /// Resets <paramref name="sourceDirectory"/> to its pin (tracked, untracked and ignored files), applies
    /// <paramref name="patches"/> in order in memory, and writes the result only when every patch applied.
    /// Diffs are read from <paramref name="patchesDirectory"/> (<c>patches/&lt;id&gt;/</c>).
    /// </summary>
    /// <exception cref="PatchException">A patch does not apply; the tree is left at the clean pin.</exception>
    public static PatchReport Patch(string sourceDirectory, string patchesDirectory, IReadOnlyList<PatchSpec> patches)
    {
        sourceDirectory = Path.GetFullPath(sourceDirectory);
        var commit = CleanCheckout.PinnedCommit(sourceDirectory);
        CleanCheckout.Restore(sourceDirectory, commit);
        var tree = new PendingTree(sourceDirectory);
        var outcomes = new List<PatchOutcome>();
        try
        {
            foreach (var spec in patches)
                outcomes.Add(
                    spec.Kind switch
                    {
                        "diff" => DiffPatch.Apply(tree, Path.Combine(Path.GetFullPath(patchesDirectory), spec.File!)),
                        "substitute" => Substitution.Apply(tree, spec),
                        _ => throw new PatchException($"unknown patch kind '{spec.Kind}'; use 'diff' or 'substitute'"),
                    }
                );
            tree.WriteOut();
        }
        catch
        {
            CleanCheckout.Restore(sourceDirectory, commit);
            throw;
        }
        foreach (var outcome in outcomes)
            Report(outcome);
        var treeHash = CleanCheckout.TreeHash(sourceDirectory, commit, tree);
        Log.Information("Patched {Source} at {Commit}: tree {Tree}", sourceDirectory, commit, treeHash);
        return new PatchReport(commit, outcomes, treeHash);
    }

    static void Report(PatchOutcome outcome)
    {
        Log.Information(
            "{Patch}: {Replacements} {What} in {Files} files",
            outcome.Patch,
            outcome.Replacements,
            outcome.Kind == "diff" ? "hunks" : "replacements",
            outcome.Files
        );
        foreach (var check in outcome.BlobChecks)
        {
            if (check.AfterMatches)
                Log.Information("  {Path}: blob {Before}..{After} as the diff says", check.Path, check.ExpectedBefore, check.ExpectedAfter);
            else
                Log.Warning(
                    "  {Path}: blob after patching is {Actual}, the diff's index line says {Expected}",
                    check.Path,
                    check.After[..10],
                    check.ExpectedAfter
                );
        }
    }
}
