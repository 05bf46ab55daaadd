using System.Text;
using MaskBench.Foundation.Text;
using MaskBench.Model.Catalog;
using MaskBench.Model.Records;

namespace MaskBench.Stages.Patch;

/// <summary>A literal (not regular-expression) replacement over every file of the tree that matches the glob.</summary>
static class Substitution
{
    public static PatchOutcome Apply(PendingTree tree, PatchSpec spec)
    {
        var description = $"'{spec.From}' -> '{spec.To}' in {spec.Glob}";
        var from = Latin1(spec.From!);
        var to = Latin1(spec.To!);
        int files = 0,
            replacements = 0;
        foreach (var relative in tree.Files().Where(f => Glob.Matches(spec.Glob!, f)).ToList())
        {
            var text = Encoding.Latin1.GetString(tree.Read(relative)!);
            var count = Count(text, from);
            if (count == 0)
                continue;
            tree.Set(relative, Encoding.Latin1.GetBytes(text.Replace(from, to, StringComparison.Ordinal)));
            files++;
            replacements += count;
        }
        if (replacements == 0)
            throw new PatchException(
                $"substitution {description} matched nothing in {tree.Root}: no file matching the glob contains '{spec.From}'; "
                    + "the source is not the pinned commit, or the recipe's glob or text is wrong"
            );
        return new PatchOutcome(description, "substitute", files, replacements, []);
    }

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
