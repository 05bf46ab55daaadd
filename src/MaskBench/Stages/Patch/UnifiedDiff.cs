using System.Text;
using System.Text.RegularExpressions;

namespace MaskBench.Stages.Patch;

/// <summary>
/// Reads a git-style unified diff (paths with one leading component such as <c>a/</c> stripped, as <c>git apply</c> does):
/// each file's paths, <c>index</c> hashes and mode for the proof, and its hunks, counted for the report and read to
/// explain a hunk that git refuses. Text is handled as Latin-1 so that every byte compares exactly.
/// </summary>
static partial class UnifiedDiff
{
    static readonly string[] Unsupported =
    [
        "old mode ",
        "new mode ",
        "rename from ",
        "copy from ",
        "similarity index ",
        "GIT binary patch",
        "Binary files ",
    ];

    public static IReadOnlyList<FilePatch> Parse(string patchFile)
    {
        if (!File.Exists(patchFile))
            throw new PatchException($"patch file {patchFile} does not exist; the recipe names it under patches/<id>/");
        var lines = SplitKeepingTerminators(Encoding.Latin1.GetString(File.ReadAllBytes(patchFile)));
        var files = new List<FilePatch>();
        FilePatch? current = null;
        for (var i = 0; i < lines.Count; i++)
        {
            var text = lines[i].TrimEnd('\n').TrimEnd('\r');
            string Where() => $"{patchFile} line {i + 1}";
            if (text.StartsWith("diff --git "))
            {
                Flush();
                current = new FilePatch(null, null, null, null, null, []);
            }
            else if (Unsupported.FirstOrDefault(text.StartsWith) is { } what)
                throw new PatchException(
                    $"{Where()}: '{what.Trim()}' (renames, mode changes, binary files) is not supported; write the change as a plain text diff"
                );
            else if (text.StartsWith("index ") && current is not null)
            {
                var index = IndexLine().Match(text);
                if (!index.Success)
                    throw new PatchException($"{Where()}: cannot read '{text}'; expected 'index <pre>..<post> [mode]'");
                current = current with { PreHash = index.Groups[1].Value, PostHash = index.Groups[2].Value };
            }
            else if (text.StartsWith("new file mode ") && current is not null)
                current = current with { NewMode = text["new file mode ".Length..] };
            else if (text.StartsWith("--- ") && i + 1 < lines.Count && lines[i + 1].StartsWith("+++ "))
            {
                if (current is null || current.Hunks.Count > 0 || current.OldPath is not null || current.NewPath is not null)
                {
                    Flush();
                    current = new FilePatch(null, null, null, null, null, []);
                }
                var oldPath = StripPrefix(text[4..], Where());
                var newPath = StripPrefix(lines[++i].TrimEnd('\n').TrimEnd('\r')[4..], Where());
                if (oldPath is null && newPath is null)
                    throw new PatchException($"{Where()}: both sides are /dev/null");
                current = current with { OldPath = oldPath, NewPath = newPath };
            }
            else if (text.StartsWith("@@"))
            {
                if (current is null || (current.OldPath is null && current.NewPath is null))
                    throw new PatchException($"{Where()}: hunk '{text}' comes before any '--- a/file' / '+++ b/file' header");
                var hunk = HunkReader.Read(lines, ref i, patchFile);
                current = current with { Hunks = [.. current.Hunks, hunk] };
            }
        }
        Flush();
        if (files.Count == 0)
            throw new PatchException(
                $"{patchFile} is not a unified diff: it has no '--- a/file' / '+++ b/file' header with hunks; write it with 'git diff'"
            );
        return files;

        void Flush()
        {
            if (current is null)
                return;
            if (current.OldPath is null && current.NewPath is null)
                throw new PatchException(
                    $"{patchFile}: a 'diff --git' section has no '---'/'+++' lines (empty files and mode changes are not supported)"
                );
            if (current.Hunks.Count == 0)
                throw new PatchException($"{patchFile}: the change to {current.Target} has no hunks");
            files.Add(current);
            current = null;
        }
    }

    static string? StripPrefix(string path, string where)
    {
        path = path.Split('\t')[0];
        if (path == "/dev/null")
            return null;
        if (path.StartsWith('"'))
            throw new PatchException($"{where}: quoted path {path} is not supported");
        var slash = path.IndexOf('/');
        if (slash <= 0 || slash == path.Length - 1)
            throw new PatchException(
                $"{where}: path '{path}' has no leading component such as 'a/' to strip; write the diff with 'git diff'"
            );
        return path[(slash + 1)..];
    }

    internal static List<string> SplitKeepingTerminators(string text)
    {
        var lines = new List<string>();
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            end = end < 0 ? text.Length : end + 1;
            lines.Add(text[start..end]);
            start = end;
        }
        return lines;
    }

    [GeneratedRegex(@"^index ([0-9a-fA-F]{7,40})\.\.([0-9a-fA-F]{7,40})( [0-7]{6})?$")]
    private static partial Regex IndexLine();
}
