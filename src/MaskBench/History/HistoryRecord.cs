using MaskBench.Model.Records;
using MaskBench.Tools.Telemetry;
using Newtonsoft.Json;

namespace MaskBench.History;

/// <summary>One finished run as kept in the history: one JSON file, appended once and never rewritten.</summary>
/// <param name="Schema">The record layout's version; a reader refuses records newer than <see cref="CurrentSchema"/>.</param>
/// <param name="MachineKey">The stable machine identity (<see cref="MaskBench.History.MachineKey"/>); runs compare only within one key.</param>
/// <param name="Commit">The implementation's full commit hash.</param>
/// <param name="Tree">The patched tree's hash, so two runs of one commit with different patches stay apart.</param>
/// <param name="CommitDate">The commit's committer date: the history's time axis.</param>
/// <param name="Environment">The environment identity hash (packages, image, weights).</param>
/// <param name="MaskBenchVersion">MaskBench's own version (git describe or the assembly's informational version).</param>
/// <param name="Throughput">Images per second over the window; null when the run was not measured.</param>
/// <param name="Gpu">The run's GPU verdict as Parse judged it (<c>clean</c>, <c>power-capped</c>, <c>thermal</c>,
/// <c>clocks-differ</c>, <c>unknown</c>, <c>no-gpu</c>); always <c>unknown</c> in a schema 1 record.</param>
/// <param name="Status"><c>ok</c> or <c>failed</c> (the parse status).</param>
/// <param name="Run">The run's identity within its commit (a repeat number or id), part of the file name.</param>
/// <param name="Recorded">When the record was appended (UTC).</param>
/// <param name="Key">What must match for runs to be pooled (<see cref="Comparability"/>); null in a schema 1 record,
/// written before keys were kept: such runs are kept apart from keyed ones.</param>
internal sealed record HistoryRecord(
    int Schema,
    string MachineKey,
    string Implementation,
    string Commit,
    string Tree,
    DateTimeOffset CommitDate,
    string Environment,
    string Stack,
    string MaskBenchVersion,
    string Window,
    int ImagesPerIteration,
    double? Throughput,
    string Gpu,
    string Status,
    string Run,
    DateTimeOffset Recorded,
    Comparability? Key = null
)
{
    public const int CurrentSchema = 2;
    public const string Ok = "ok";

    public const string Suspect = "suspect";

    /// <summary>A run that counts in statistics: parsed with a throughput, ok or suspect (the harness's line times
    /// disagreed with the log by more than 1 %: the figure stands, flagged, as it does in the table).</summary>
    [JsonIgnore]
    public bool Measured => Status is Ok or Suspect && Throughput is > 0;

    /// <summary>A measured run that may be pooled with others of its key: judged neither thermal nor unwatched. A schema 1
    /// run (no key) was never judged and pools with the other schema 1 runs only (<see cref="Pooling"/>).</summary>
    [JsonIgnore]
    public bool Poolable => Measured && (Key is null || GpuVerdict.Comparable(Gpu));

    /// <summary><c>&lt;machine-key&gt;/&lt;implementation&gt;/&lt;utc-time&gt;-&lt;commit12&gt;-&lt;run&gt;.json</c>: two machines never collide.</summary>
    [JsonIgnore]
    public string RelativePath =>
        Path.Combine(
            MachineKey,
            Implementation,
            $"{Recorded.UtcDateTime:yyyyMMdd'T'HHmmssfff'Z'}-{Commit[..Math.Min(12, Commit.Length)]}-{Safe(Run)}.json"
        );

    static string Safe(string text) => new(text.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_').ToArray());
}
