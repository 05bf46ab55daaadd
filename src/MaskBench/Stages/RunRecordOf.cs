using MaskBench.Model.Logs;
using MaskBench.Model.Records;

namespace MaskBench.Stages;

/// <summary>The one way the chain makes a run's record: for this run, now, in the current version.</summary>
static class RunRecordOf
{
    public static RunRecord Make(RunKey run, string status, string stage, string? reason, string log, ThroughputResult? result = null) =>
        new(RunRecord.CurrentVersion, run.Implementation, run.Repeat, status, stage, reason, log, DateTimeOffset.UtcNow, result);
}
