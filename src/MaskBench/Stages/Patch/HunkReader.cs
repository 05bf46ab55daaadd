using System.Text.RegularExpressions;

namespace MaskBench.Stages.Patch;

/// <summary>Reads one hunk: exactly as many old and new lines as its header counts.</summary>
static partial class HunkReader
{
    public static Hunk Read(IReadOnlyList<string> lines, ref int i, string patchFile)
    {
        var header = lines[i].TrimEnd('\n').TrimEnd('\r');
        var match = HunkHeader().Match(header);
        if (!match.Success)
            throw new PatchException($"{patchFile} line {i + 1}: '{header}' is not a hunk header '@@ -start,count +start,count @@'");
        var oldStart = int.Parse(match.Groups[1].Value);
        var oldLeft = match.Groups[2].Success ? int.Parse(match.Groups[2].Value) : 1;
        var newLeft = match.Groups[4].Success ? int.Parse(match.Groups[4].Value) : 1;
        var oldLines = new List<string>();
        var newLines = new List<string>();
        var last = ' ';
        while (oldLeft > 0 || newLeft > 0 || (i + 1 < lines.Count && lines[i + 1].StartsWith('\\')))
        {
            if (++i >= lines.Count)
                throw new PatchException($"{patchFile}: hunk '{header}' ends early: the file ends before its line counts are reached");
            var line = lines[i].EndsWith('\n') ? lines[i] : lines[i] + "\n";
            var kind = line.TrimEnd('\n').TrimEnd('\r').Length == 0 ? ' ' : line[0];
            var content = line.Length > 0 && kind == line[0] ? line[1..] : line;
            switch (kind)
            {
                case ' ' when oldLeft > 0 && newLeft > 0:
                    oldLines.Add(content);
                    newLines.Add(content);
                    oldLeft--;
                    newLeft--;
                    break;
                case '-' when oldLeft > 0:
                    oldLines.Add(content);
                    oldLeft--;
                    break;
                case '+' when newLeft > 0:
                    newLines.Add(content);
                    newLeft--;
                    break;
                case '\\':
                    if (last is ' ' or '-')
                        oldLines[^1] = StripTerminator(oldLines[^1]);
                    if (last is ' ' or '+')
                        newLines[^1] = StripTerminator(newLines[^1]);
                    continue;
                default:
                    throw new PatchException(
                        $"{patchFile} line {i + 1}: unexpected line in hunk '{header}': {Show(line)} (the hunk's line counts do not match its lines)"
                    );
            }
            last = kind;
        }
        return new Hunk(header, oldStart, oldLines, newLines);
    }

    static string StripTerminator(string line) => line.EndsWith('\n') ? line[..^1] : line;

    internal static string Show(string line) => "'" + line.TrimEnd('\n').TrimEnd('\r') + "'";

    [GeneratedRegex(@"^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")]
    private static partial Regex HunkHeader();
}
