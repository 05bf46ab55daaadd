using System.Text;
using MaskBench.Foundation.Files;
using MaskBench.Foundation.Text;
using MaskBench.Model.Catalog;
using MaskBench.Model.Records;

namespace MaskBench.Stages.Patch;

/// <summary>A literal (not regular-expression) replacement over every file of the tree that matches the glob; the
/// changed files are rewritten (their mode kept) and staged, so a later diff and the tree hash see them.</summary>
static class Substitution
{
    public static async Task<PatchOutcome> Apply(string root, PatchSpec spec, CancellationToken cancellation)
    {
        var description = $"'{spec.From}' -> '{spec.To}' in {spec.Glob}";
        var from = Latin1(spec.From!);
        var to = Latin1(spec.To!);
        var changed = new List<string>();
        var replacements = 0;
        foreach (var relative in Files(new DirectoryInfo(root), "").Where(f => Glob.Matches(spec.Glob!, f)).Order(StringComparer.Ordinal))
        {
            var path = Path.Combine(root, relative);
            var text = Encoding.Latin1.GetString(File.ReadAllBytes(path));
            var count = Count(text, from);
            if (count == 0)
                continue;
            Write(path, Encoding.Latin1.GetBytes(text.Replace(from, to, StringComparison.Ordinal)));
            changed.Add(relative);
            replacements += count;
        }
        if (replacements == 0)
            throw new PatchException(
                $"substitution {description} matched nothing in {root}: no file matching the glob contains '{spec.From}'; "
                    + "the source is not the pinned commit, or the recipe's glob or text is wrong"
            );
        await CloneIndex.Stage(root, changed, cancellation);
        return new PatchOutcome(description, "substitute", changed.Count, replacements, []);
    }

    /// <summary>Regular files of the tree (symbolic links and .git folders left out), as '/'-separated relative paths.</summary>
    static IEnumerable<string> Files(DirectoryInfo directory, string prefix)
    {
        foreach (var entry in directory.EnumerateFileSystemInfos())
        {
            if (entry.LinkTarget is not null || entry.Name == ".git")
                continue;
            if (entry is DirectoryInfo sub)
                foreach (var file in Files(sub, prefix + entry.Name + "/"))
                    yield return file;
            else
                yield return prefix + entry.Name;
        }
    }

    static void Write(string path, byte[] content) =>
        AtomicFile.WriteAllBytes(path, content, OperatingSystem.IsWindows() ? null : File.GetUnixFileMode(path));

    /// <summary>The UTF-8 bytes of the text, as Latin-1 characters, so it matches file bytes read as Latin-1.</summary>
    static string Latin1(string text) => Encoding.Latin1.GetString(Encoding.UTF8.GetBytes(text));

    static int Count(string text, string from)
    {
        var count = 0;
        for (
            var at = text.IndexOf(from, StringComparison.Ordinal);
            at >= 0;
            at = text.IndexOf(from, at + from.Length, StringComparison.Ordinal)
        )
            count++;
        return count;
    }
}
