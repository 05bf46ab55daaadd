using System.Text;
using System.Text.RegularExpressions;

namespace MaskBench.Stages.Patch;

/// <summary>
/// Explains why <c>git apply</c> refused a diff: git names the file and the hunk's start line
/// (<c>patch failed: path:line</c>); this finds that hunk and the first of its lines that the file does not have.
/// </summary>
static partial class HunkMismatch
{
    public static PatchException Explain(string patchFile, string root, IReadOnlyList<FilePatch> files, string gitError)
    {
        var failed = PatchFailed().Matches(gitError).LastOrDefault();
        var file = failed is null ? null : files.FirstOrDefault(f => f.OldPath == failed.Groups[1].Value);
        var hunk = file?.Hunks.FirstOrDefault(h => h.OldStart == int.Parse(failed!.Groups[2].Value));
        if (file is null || hunk is null)
            return new PatchException(
                $"{patchFile} does not apply: git apply says '{gitError.Split('\n')[0].Trim()}'; "
                    + "the source is not the pinned commit, or the patch was written against another one"
            );
        var text = Encoding.Latin1.GetString(File.ReadAllBytes(Path.Combine(root, file.OldPath!)));
        var expected = Math.Max(hunk.OldLines.Count == 0 ? hunk.OldStart : hunk.OldStart - 1, 0);
        return new PatchException(
            $"{patchFile}: hunk '{hunk.Header}' does not apply to {file.Target}: "
                + $"{FirstMismatch(UnifiedDiff.SplitKeepingTerminators(text), hunk.OldLines, expected)}; "
                + "the source is not the pinned commit, or the patch was written against another one"
        );
    }

    static string FirstMismatch(List<string> lines, IReadOnlyList<string> wanted, int expected)
    {
        for (var k = 0; k < wanted.Count; k++)
        {
            var lineNumber = expected + k + 1;
            if (expected + k >= lines.Count)
                return $"line {lineNumber} should be {HunkReader.Show(wanted[k])} but the file has only {lines.Count} lines";
            if (!string.Equals(lines[expected + k], wanted[k], StringComparison.Ordinal))
                return $"line {lineNumber} should be {HunkReader.Show(wanted[k])} but is {HunkReader.Show(lines[expected + k])}"
                    + (lines[expected + k].TrimEnd() == wanted[k].TrimEnd() ? " (they differ in whitespace or line ending)" : "");
        }
        return $"its lines stand at line {expected + 1}, but git found no place for them after the file's earlier hunks";
    }

    [GeneratedRegex(@"patch failed: (.+):(\d+)$", RegexOptions.Multiline)]
    private static partial Regex PatchFailed();
}
