using System.Text.RegularExpressions;
using MaskBench.Catalog;

namespace MaskBench.Running;

/// <summary>A line of the log that says why a training failed.</summary>
public sealed record MatchedFailure(string Kind, string Line, double Seconds);

/// <summary>The recipe's own error signatures first, then those every Python training shares.</summary>
sealed class FailureSignatures
{
    static readonly FailureSpec[] Common =
    [
        new("start", @"^setsid: failed to execute|executable file not found in \$PATH|exec: .*: not found"),
        new("oom", @"CUDA out of memory|out of memory|ResourceExhaustedError|MemoryError"),
        new("nan", @"(?i)\bloss\w*\b[^\n]*\bnan\b|Loss (is|became) (infinite or )?NaN"),
        new("data", @"FileNotFoundError|No such file or directory"),
        new("import", @"ModuleNotFoundError|ImportError"),
    ];

    readonly IReadOnlyList<(string Kind, Regex Pattern)> signatures;

    public FailureSignatures(IEnumerable<FailureSpec> recipe) =>
        signatures = recipe
            .Concat(Common)
            .Select(spec => (spec.Kind, new Regex(spec.Pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1))))
            .ToList();

    public MatchedFailure? Match(ArrivedLine line)
    {
        foreach (var (kind, pattern) in signatures)
            if (pattern.IsMatch(line.Text))
                return new MatchedFailure(kind, line.Text, line.Seconds);
        return null;
    }
}
