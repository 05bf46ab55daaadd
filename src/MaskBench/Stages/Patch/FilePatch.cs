namespace MaskBench.Stages.Patch;

/// <summary>One file's part of a unified diff. Paths are relative to the tree, with the <c>a/</c>/<c>b/</c> prefix removed.</summary>
/// <param name="OldPath">Null when the file is created.</param>
/// <param name="NewPath">Null when the file is deleted.</param>
/// <param name="PreHash">From <c>index pre..post</c>, if present.</param>
/// <param name="NewMode">From <c>new file mode</c>, for created files.</param>
sealed record FilePatch(string? OldPath, string? NewPath, string? PreHash, string? PostHash, string? NewMode, IReadOnlyList<Hunk> Hunks)
{
    public string Target => NewPath ?? OldPath!;
}

/// <summary>A hunk. Lines keep their line terminator, so a missing newline at the end of a file compares exactly.</summary>
sealed record Hunk(string Header, int OldStart, IReadOnlyList<string> OldLines, IReadOnlyList<string> NewLines);
