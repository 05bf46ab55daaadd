using MaskBench.Parsing;

namespace MaskBench.Results;

/// <summary>The one record of a run's outcome, <c>runs/&lt;id&gt;/&lt;n&gt;/record.json</c>, written atomically by the
/// stage that decided it: the table, the summary and the history read nothing else to know how a run went.</summary>
/// <param name="Status"><see cref="Trained"/> (Train done, Parse pending), <c>ok</c>, <c>suspect</c> or <c>failed</c>.</param>
/// <param name="Stage">The stage that wrote it: Clone, Patch, Setup, Train or Parse.</param>
/// <param name="Reason">One line: the matched error, never a traceback; null when ok.</param>
/// <param name="Log">Where the details are: the run's <c>train.log</c>, or the build log for stages before Train.</param>
/// <param name="Result">What Parse read off the log (figures, method, failures); null before Parse.</param>
public sealed record RunRecord(
    int Version,
    string Implementation,
    int Repeat,
    string Status,
    string Stage,
    string? Reason,
    string Log,
    DateTimeOffset Written,
    ThroughputResult? Result
)
{
    public const int CurrentVersion = 1;
    public const string Trained = "trained";

    public bool IsMeasured => Status is ThroughputResult.Ok or "suspect" && Result?.Throughput is not null;
}
