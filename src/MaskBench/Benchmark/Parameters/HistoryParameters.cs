using MaskBench.Engine;

namespace MaskBench.Benchmark.Parameters;

/// <summary>Speed over time: where the history is, what Compare takes as the baseline, what Bisect and Track look at.</summary>
internal sealed class HistoryParameters
{
    [Parameter(
        "History of every finished run, one JSON file each (append-only; commit it to a results branch). Default: history in the artifacts folder",
        Folder = true
    )]
    internal readonly string? History = null;

    [Parameter("Compare: the history holding the baseline runs. Default: --history", Folder = true)]
    internal readonly string? Baseline = null;

    [Parameter("Compare: how many earlier runs on this machine make the rolling baseline. Default: 10", Minimum = 2)]
    internal readonly int BaselineRuns = 10;

    [Parameter("Bisect: a commit that trains at the old speed (full or abbreviated hash). Default: none")]
    internal readonly string? Good = null;

    [Parameter("Bisect: a later commit that trains slower. Default: none")]
    internal readonly string? Bad = null;

    [Parameter("Bisect: the most runs one commit gets while its verdict stays inconclusive. Default: 9", Minimum = 1)]
    internal readonly int BisectMaxRuns = 9;

    [Parameter(
        "Track: how many of the newest commits of the branch to look at; those not in this machine's history are measured. Default: 10",
        Minimum = 1
    )]
    internal readonly int TrackCommits = 10;

    [Parameter(
        "Track: the branch (or any revision) of the implementation's repository to follow. Default: HEAD, the repository's default branch"
    )]
    internal readonly string TrackBranch = "HEAD";
}
