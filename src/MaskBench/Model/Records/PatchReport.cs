namespace MaskBench.Model.Records;

/// <param name="BaseCommit">The pin the patches were applied to (a clean checkout of it).</param>
/// <param name="TreeHash">The git tree hash of the patched source (as <c>git add -A; git write-tree</c> would give).</param>
internal sealed record PatchReport(string BaseCommit, IReadOnlyList<PatchOutcome> Patches, string TreeHash);

/// <param name="Patch">The diff file, or the substitution as <c>'from' -> 'to' in glob</c>.</param>
/// <param name="Files">Files changed.</param>
/// <param name="Replacements">Substitutions made, or hunks applied for a diff.</param>
/// <param name="BlobChecks">Per file of a diff with <c>index</c> lines: the blob hashes expected and found.</param>
internal sealed record PatchOutcome(string Patch, string Kind, int Files, int Replacements, IReadOnlyList<BlobCheck> BlobChecks);

/// <summary>A file's git blob hash before and after a diff, beside what the diff's <c>index pre..post</c> line says.</summary>
internal sealed record BlobCheck(string Path, string ExpectedBefore, string Before, string ExpectedAfter, string After)
{
    public bool AfterMatches => After.StartsWith(ExpectedAfter, StringComparison.OrdinalIgnoreCase);
}
