using System.Text.RegularExpressions;
using MaskBench.Catalog;
using MaskBench.Parsing;

namespace MaskBench.Running;

/// <summary>A line of the log that says why a training failed.</summary>
public sealed record MatchedFailure(string Kind, string Line, double Seconds);

/// <summary>The recipe's own error signatures first, then those every Python training shares.</summary>
sealed class FailureSignatures
{
    readonly IReadOnlyList<(string Kind, Regex Pattern)> signatures;

    public FailureSignatures(IEnumerable<FailureSpec> recipe) =>
        signatures = recipe
            .Append(FailurePatterns.Start)
            .Concat(FailurePatterns.Generic)
            .Select(spec => (spec.Kind, FailurePatterns.Compile(spec)))
            .ToList();

    public MatchedFailure? Match(ArrivedLine line)
    {
        foreach (var (kind, pattern) in signatures)
            if (FailurePatterns.IsMatch(pattern, line.Text))
                return new MatchedFailure(kind, line.Text, line.Seconds);
        return null;
    }
}
