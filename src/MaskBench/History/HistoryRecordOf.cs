using MaskBench.Model.Logs;

namespace MaskBench.History;

/// <summary>Turns a parsed run into its history record: the one place that maps a <see cref="ThroughputResult"/> to the history's fields.</summary>
internal static class HistoryRecordOf
{
    /// <param name="identity">The commit, tree, commit date, environment and stack the run measured.</param>
    /// <param name="run">The run's id within the commit (e.g. the repeat number), part of the file name.</param>
    public static HistoryRecord From(
        string machineKey,
        string implementation,
        RunIdentity identity,
        string maskBenchVersion,
        ThroughputResult result,
        string gpuVerdict,
        string run,
        DateTimeOffset recorded,
        MaskBench.Model.Records.Comparability? key
    ) =>
        new(
            HistoryRecord.CurrentSchema,
            machineKey,
            implementation,
            identity.Commit,
            identity.Tree,
            identity.CommitDate,
            identity.Environment,
            identity.Stack,
            maskBenchVersion,
            (result.Measured ?? result.Requested).ToString(),
            result.ImagesPerIteration,
            result.Status is ThroughputResult.Ok or ThroughputResult.Suspect ? result.Throughput : null,
            string.IsNullOrEmpty(gpuVerdict) ? MaskBench.Tools.Telemetry.GpuVerdict.Unknown : gpuVerdict,
            result.Status,
            run,
            recorded.ToUniversalTime(),
            key
        );
}
