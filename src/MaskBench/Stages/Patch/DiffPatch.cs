using MaskBench.Model.Records;

namespace MaskBench.Stages.Patch;

/// <summary>
/// Applies a unified diff to the clone with <c>git apply --index</c>, with proof: before git runs, every path must
/// stay inside the tree and every file's blob must be the one its <c>index</c> line names; after, every file must
/// come out as the blob the line promises.
/// </summary>
static class DiffPatch
{
    public static async Task<PatchOutcome> Apply(string root, string patchFile, CancellationToken cancellation)
    {
        var files = UnifiedDiff.Parse(patchFile);
        foreach (var file in files)
        foreach (var path in new[] { file.OldPath, file.NewPath }.OfType<string>().Distinct())
            TreePaths.Resolve(root, path, patchFile);
        var before = files.Select(file => CheckBefore(root, patchFile, file)).ToList();
        if (await CloneIndex.Apply(root, patchFile, cancellation) is { } refused)
            throw HunkMismatch.Explain(patchFile, root, files, refused);
        var checks = new List<BlobCheck>();
        foreach (var (file, beforeHash) in files.Zip(before))
            if (file.PreHash is not null && file.PostHash is not null)
                checks.Add(Proven(patchFile, new BlobCheck(file.Target, file.PreHash, beforeHash, file.PostHash, AfterHash(root, file))));
        return new PatchOutcome(Path.GetFileName(patchFile), "diff", files.Count, files.Sum(f => f.Hunks.Count), checks);
    }

    /// <summary>The file's blob hash now; a diff made for another commit is refused here, before anything is applied.</summary>
    static string CheckBefore(string root, string patchFile, FilePatch file)
    {
        var before = file.OldPath is null ? null : Read(root, file.OldPath);
        if (file.OldPath is not null && before is null)
            throw new PatchException(
                $"{patchFile}: {file.OldPath} does not exist in the source tree; the patch was written against another commit"
            );
        if (file.OldPath is null && Read(root, file.NewPath!) is not null)
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
        if (file.NewPath is null && file.Hunks.Any(h => h.NewLines.Count > 0))
            throw new PatchException($"{patchFile}: deletes {file.OldPath}, but lines would remain after its hunks");
        return beforeHash;
    }

    static byte[]? Read(string root, string relative)
    {
        var path = Path.Combine(root, relative);
        return File.Exists(path) ? File.ReadAllBytes(path) : null;
    }

    static string AfterHash(string root, FilePatch file) =>
        file.NewPath is null ? new string('0', 40) : BlobHash.Of(Read(root, file.NewPath) ?? []);

    /// <summary>The diff's <c>index pre..post</c> line is a promise: a file that comes out as another blob is an error, not a warning.</summary>
    static BlobCheck Proven(string patchFile, BlobCheck check) =>
        check.AfterMatches
            ? check
            : throw new PatchException(
                $"{patchFile}: {check.Path} comes out as blob {check.After[..12]}, but the diff's index line says {check.ExpectedAfter}: "
                    + "the hunks do not make the file the diff was made from; regenerate it with 'git diff --full-index' against the pin"
            );
}
