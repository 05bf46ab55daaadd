using System.Text;
using MaskBench.Model.Records;

namespace MaskBench.Stages.Patch;

/// <summary>Applies a unified diff to the pending tree; each file's blob before and after must be the one its <c>index</c> line names.</summary>
static class DiffPatch
{
    public static PatchOutcome Apply(PendingTree tree, string patchFile)
    {
        var checks = new List<BlobCheck>();
        var hunks = 0;
        var files = UnifiedDiff.Parse(patchFile);
        foreach (var file in files)
        foreach (var path in new[] { file.OldPath, file.NewPath }.OfType<string>().Distinct())
            TreePaths.Resolve(tree.Root, path, patchFile);
        foreach (var file in files)
        {
            var before = file.OldPath is null ? null : tree.Read(file.OldPath);
            if (file.OldPath is not null && before is null)
                throw new PatchException(
                    $"{patchFile}: {file.OldPath} does not exist in the source tree; the patch was written against another commit"
                );
            if (file.OldPath is null && tree.Read(file.NewPath!) is not null)
                throw new PatchException($"{patchFile}: creates {file.NewPath}, which already exists in the source tree");
            var beforeHash = BlobHash.Of(before ?? []);
            if (
                file.PreHash is not null
                && file.OldPath is not null
                && !beforeHash.StartsWith(file.PreHash, StringComparison.OrdinalIgnoreCase)
            )
                throw new PatchException(
                    $"{patchFile}: {file.OldPath} has blob {beforeHash[..10]}, but the diff's index line expects {file.PreHash}: "
                        + "wrong base, the source is not the commit the patch was written against"
                );
            var lines = UnifiedDiff.SplitKeepingTerminators(Encoding.Latin1.GetString(before ?? []));
            var after = Encoding.Latin1.GetBytes(string.Concat(HunkApplier.Apply(lines, file, patchFile)));
            if (file.NewPath is null && after.Length > 0)
                throw new PatchException($"{patchFile}: deletes {file.OldPath}, but lines would remain after its hunks");
            if (file.OldPath is not null && file.NewPath is not null && file.OldPath != file.NewPath)
                tree.Set(file.OldPath, null);
            tree.Set(file.Target, file.NewPath is null ? null : after, file.NewMode);
            hunks += file.Hunks.Count;
            if (file.PreHash is not null && file.PostHash is not null)
                checks.Add(Proven(patchFile, new BlobCheck(file.Target, file.PreHash, beforeHash, file.PostHash, AfterHash(file, after))));
        }
        return new PatchOutcome(Path.GetFileName(patchFile), "diff", files.Count, hunks, checks);
    }

    static string AfterHash(FilePatch file, byte[] after) => file.NewPath is null ? new string('0', 40) : BlobHash.Of(after);

    /// <summary>The diff's <c>index pre..post</c> line is a promise: a file that comes out as another blob is an error, not a warning.</summary>
    static BlobCheck Proven(string patchFile, BlobCheck check) =>
        check.AfterMatches
            ? check
            : throw new PatchException(
                $"{patchFile}: {check.Path} comes out as blob {check.After[..12]}, but the diff's index line says {check.ExpectedAfter}: "
                    + "the hunks do not make the file the diff was made from; regenerate it with 'git diff --full-index' against the pin"
            );
}
