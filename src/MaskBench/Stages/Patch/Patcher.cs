using MaskBench.Model.Catalog;
using MaskBench.Model.Records;
using Serilog;

namespace MaskBench.Stages.Patch;

/// <summary>Applies a recipe's patches, all or nothing, to a clean checkout of the pinned commit.</summary>
internal static class Patcher
{
    /// <summary>
    /// Resets <paramref name="sourceDirectory"/> to its pin (tracked, untracked and ignored files), applies
    /// <paramref name="patches"/> in order (diffs with <c>git apply --index</c>, substitutions staged), and keeps the
    /// result only when every patch applied, every file came out as the blob its diff names, and the index's tree is
    /// <paramref name="expectedTree"/> (when given); otherwise the clone is put back at the clean pin.
    /// Diffs are read from <paramref name="patchesDirectory"/> (<c>patches/&lt;id&gt;/</c>) and nowhere else.
    /// </summary>
    /// <exception cref="PatchException">A patch does not apply or proves another result; the tree is left at the clean pin.</exception>
    public static async Task<PatchReport> PatchAsync(
        string sourceDirectory,
        string patchesDirectory,
        IReadOnlyList<PatchSpec> patches,
        string? expectedTree = null,
        CancellationToken cancellation = default
    )
    {
        sourceDirectory = Path.GetFullPath(sourceDirectory);
        var commit = CleanCheckout.PinnedCommit(sourceDirectory);
        CleanCheckout.Restore(sourceDirectory, commit);
        var outcomes = new List<PatchOutcome>();
        string treeHash;
        try
        {
            await CloneIndex.Refresh(sourceDirectory, cancellation);
            foreach (var spec in patches)
                outcomes.Add(
                    spec.Kind switch
                    {
                        "diff" => await DiffPatch.Apply(sourceDirectory, PatchFile(patchesDirectory, spec), cancellation),
                        "substitute" => await Substitution.Apply(sourceDirectory, spec, cancellation),
                        _ => throw new PatchException($"unknown patch kind '{spec.Kind}'; use 'diff' or 'substitute'"),
                    }
                );
            treeHash = await CloneIndex.WriteTree(sourceDirectory, cancellation);
            if (expectedTree is not null && !treeHash.Equals(expectedTree, StringComparison.OrdinalIgnoreCase))
                throw new PatchException(
                    $"{sourceDirectory}: the patched tree is {treeHash}, but the recipe's patchedTree says {expectedTree}: "
                        + "the pin or a patch changed; check them, or put the new tree in the recipe's patchedTree"
                );
        }
        catch
        {
            CleanCheckout.Restore(sourceDirectory, commit);
            throw;
        }
        foreach (var outcome in outcomes)
            Report(outcome);
        Log.Information("Patched {Source} at {Commit}: tree {Tree}", sourceDirectory, commit, treeHash);
        return new PatchReport(commit, outcomes, treeHash);
    }

    /// <summary>The patch files a recipe's patches read: inputs of <c>Patch-&lt;Id&gt;</c>'s stamp, each confined to <paramref name="patchesDirectory"/>.</summary>
    public static IReadOnlyList<string> InputFiles(IReadOnlyList<PatchSpec> patches, string patchesDirectory) =>
        patches.Where(p => p.Kind == "diff").Select(p => PatchFile(patchesDirectory, p)).ToList();

    /// <summary>The diff's full path, refused when it leaves <paramref name="patchesDirectory"/> (by <c>..</c>, an absolute path or a link).</summary>
    static string PatchFile(string patchesDirectory, PatchSpec spec)
    {
        var folder = Path.GetFullPath(patchesDirectory);
        var path = Path.GetFullPath(Path.Combine(folder, spec.File ?? ""));
        if (!path.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new PatchException(
                $"patch file '{spec.File}' is outside {folder}: put the diff in that folder and name it relative to it"
            );
        if (new FileInfo(path).LinkTarget is not null)
            throw new PatchException($"patch file {path} is a symbolic link: put the diff itself in {folder}");
        return path;
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
            Log.Information("  {Path}: blob {Before}..{After} as the diff says", check.Path, check.ExpectedBefore, check.ExpectedAfter);
    }
}
