using System.Text.RegularExpressions;
using MaskBench.Model.Catalog;
using MaskBench.Model.Logs;

namespace MaskBench.Stages.Train;

/// <summary>The recipe's own error signatures first, then those every Python training shares.</summary>
sealed class FailureSignatures
{
    readonly IReadOnlyList<(string Kind, Regex Pattern)> signatures;

    public FailureSignatures(IEnumerable<FailureSpec> recipe) =>
        signatures = recipe
            .Append(FailurePatterns.Start)
            .Concat(FailurePatterns.Generic)
            .Select(spec => (spec.Kind, Compiled(FailurePatterns.Compile(spec))))
            .ToList();

    /// <summary>Every line of a training passes through every pattern (100k lines a second): the linear-time engine
    /// where the pattern allows it (no backreferences or lookarounds), else compiled to IL.</summary>
    static Regex Compiled(Regex pattern)
    {
        try
        {
            return new Regex(pattern.ToString(), pattern.Options | RegexOptions.NonBacktracking, pattern.MatchTimeout);
        }
        catch (NotSupportedException)
        {
            return new Regex(pattern.ToString(), pattern.Options | RegexOptions.Compiled, pattern.MatchTimeout);
        }
    }

    public MatchedFailure? Match(ArrivedLine line)
    {
        foreach (var (kind, pattern) in signatures)
            if (FailurePatterns.IsMatch(pattern, line.Text))
                return new MatchedFailure(kind, line.Text, line.Seconds);
        return null;
    }
}
