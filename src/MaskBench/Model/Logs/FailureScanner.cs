using System.Text.RegularExpressions;
using MaskBench.Model.Catalog;

namespace MaskBench.Model.Logs;

/// <summary>A problem found in a log. <c>AfterWindow</c>: it came after the window was measured (for example the
/// interrupt that stopped the run), so it does not fail the result. <c>Line</c> is null for a failure of the log as a
/// whole (a window it does not cover, a cross-check); <c>At()</c> says where: "line 12: ", or nothing then.</summary>
internal sealed record FailureFound(string Kind, string Message, int? Line, int Count = 1, bool AfterWindow = false)
{
    public string At() => Line is { } line ? $"line {line}: " : "";
}

/// <summary>Finds the failures every implementation can show (out of memory, NaN losses, missing data,
/// tracebacks) plus the recipe's own patterns. The first occurrence of each kind is kept, with a count.</summary>
sealed class FailureScanner(IReadOnlyList<FailureSpec> recipeFailures)
{
    readonly List<(string Kind, Regex Pattern)> patterns =
    [
        .. recipeFailures.Concat(FailurePatterns.Generic).Select(f => (f.Kind, FailurePatterns.Compile(f))),
    ];
    readonly Dictionary<string, FailureFound> found = [];
    int? tracebackLine;

    public void Scan(string segment, int line)
    {
        if (
            tracebackLine is { } start
            && segment.Length > 0
            && !char.IsWhiteSpace(segment[0])
            && !segment.StartsWith("Traceback", StringComparison.Ordinal)
            && !segment.StartsWith("During handling", StringComparison.Ordinal)
            && !segment.StartsWith("The above exception", StringComparison.Ordinal)
        )
        {
            Add("traceback", $"Traceback: {segment.Trim()}", start);
            tracebackLine = null;
        }
        if (segment.StartsWith("Traceback (most recent call last)", StringComparison.Ordinal))
            tracebackLine ??= line;
        foreach (var (kind, pattern) in patterns)
            if (FailurePatterns.IsMatch(pattern, segment))
            {
                Add(kind, segment.Trim(), line);
                return;
            }
    }

    public void Add(string kind, string message, int? line)
    {
        if (found.TryGetValue(kind, out var first))
            found[kind] = first with { Count = first.Count + 1 };
        else
            found[kind] = new FailureFound(kind, Shorten(message), line);
    }

    /// <summary>The failures found; an unfinished traceback at the end of the log counts too.</summary>
    public IReadOnlyList<FailureFound> Found()
    {
        if (tracebackLine is { } start)
            Add("traceback", "Traceback at the end of the log (its exception line is missing)", start);
        tracebackLine = null;
        return found.Values.OrderBy(f => f.Line ?? int.MaxValue).ToList();
    }

    static string Shorten(string text) => text.Length <= 300 ? text : text[..297] + "...";
}
