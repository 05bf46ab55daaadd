namespace MaskBench.Stages.Patch;

/// <summary>
/// Applies a file's hunks in order, matching context exactly (no fuzz, whitespace included). A hunk is tried at its
/// stated line first, then at the nearest lines around it, as <c>git apply</c> does.
/// </summary>
static class HunkApplier
{
    public static List<string> Apply(List<string> lines, FilePatch file, string patchFile)
    {
        var result = new List<string>(lines);
        var offset = 0;
        var floor = 0;
        foreach (var hunk in file.Hunks)
        {
            var expected = Math.Max(hunk.OldLines.Count == 0 ? hunk.OldStart : hunk.OldStart - 1, 0) + offset;
            var at = Find(result, hunk.OldLines, expected, floor);
            if (at < 0)
                throw new PatchException(
                    $"{patchFile}: hunk '{hunk.Header}' does not apply to {file.Target}: {FirstMismatch(result, hunk.OldLines, expected)}; "
                        + "the source is not the pinned commit, or the patch was written against another one"
                );
            result.RemoveRange(at, hunk.OldLines.Count);
            result.InsertRange(at, hunk.NewLines);
            offset += at - expected + hunk.NewLines.Count - hunk.OldLines.Count;
            floor = at + hunk.NewLines.Count;
        }
        return result;
    }

    static int Find(List<string> lines, IReadOnlyList<string> wanted, int expected, int floor)
    {
        var last = lines.Count - wanted.Count;
        for (var distance = 0; expected - distance >= floor || expected + distance <= last; distance++)
        {
            if (expected - distance >= floor && expected - distance <= last && MatchesAt(lines, wanted, expected - distance))
                return expected - distance;
            if (
                distance > 0
                && expected + distance >= floor
                && expected + distance <= last
                && MatchesAt(lines, wanted, expected + distance)
            )
                return expected + distance;
        }
        return -1;
    }

    static bool MatchesAt(List<string> lines, IReadOnlyList<string> wanted, int at)
    {
        for (var k = 0; k < wanted.Count; k++)
            if (!string.Equals(lines[at + k], wanted[k], StringComparison.Ordinal))
                return false;
        return true;
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
        return $"its lines are not found at line {expected + 1} nor anywhere after the previous hunk";
    }
}
