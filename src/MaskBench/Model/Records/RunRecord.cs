using MaskBench.Model.Logs;

namespace MaskBench.Model.Records;

/// <summary>The one record of a run's outcome, <c>runs/&lt;id&gt;/&lt;n&gt;/record.json</c>, written atomically by the
/// stage that decided it: the table, the summary and the history read nothing else to know how a run went.</summary>
/// <param name="Status"><see cref="Trained"/> (Train done, Parse pending), <c>ok</c>, <c>suspect</c> or <c>failed</c>.</param>
/// <param name="Stage">The stage that wrote it: Clone, Patch, Setup, Train or Parse.</param>
/// <param name="Reason">One line: the matched error, never a traceback; null when ok.</param>
/// <param name="Log">Where the details are: the run's <c>train.log</c>, or the build log for stages before Train.</param>
/// <param name="Result">What Parse read off the log (figures, method, failures); null before Parse.</param>
/// <param name="Gpu">The GPU verdict Parse judged over the window (<c>GpuJudgement</c>); null before Parse, for a
/// run not measured, and in a version 1 record (written before verdicts were kept).</param>
/// <param name="Key">What must match for this run to be pooled with another (<see cref="Comparability"/>); null before
/// Parse and in a version 1 record.</param>
internal sealed record RunRecord(
    int Version,
    string Implementation,
    int Repeat,
    string Status,
    string Stage,
    string? Reason,
    string Log,
    DateTimeOffset Written,
    ThroughputResult? Result,
    MaskBench.Tools.Telemetry.GpuVerdict? Gpu = null,
    Comparability? Key = null
)
{
    public const int CurrentVersion = 2;

    /// <summary>The versions this MaskBench reads: 1 has no verdict and no key.</summary>
    public static bool Readable(int version) => version is 1 or CurrentVersion;

    /// <summary>The GPU verdict's outcome as tables show it: <c>unknown</c> where none was judged.</summary>
    public string GpuOutcome => Gpu?.Outcome ?? MaskBench.Tools.Telemetry.GpuVerdict.Unknown;
    public const string Trained = "trained";

    public bool IsMeasured => Status is ThroughputResult.Ok or "suspect" && Result?.Throughput is not null;
}
