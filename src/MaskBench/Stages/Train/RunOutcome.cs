namespace MaskBench.Stages.Train;

/// <param name="RunDirectory">Where the run's files are, whether it succeeded or not.</param>
/// <param name="FailureKind">oom, nan, data, import, timeout, exit, incomplete, unmeasurable, cancelled, start, …; null on success.</param>
/// <param name="Message">One paragraph for the user: what happened, the matched line, the last lines, where the log is.</param>
/// <param name="StopReason">Why the runner stopped the tree (window, timeout, failure, cancelled, orphans); null when it exited by itself.</param>
/// <param name="StopDelay">From the line that completed the window to the whole tree being gone.</param>
internal sealed record RunOutcome(
    bool Succeeded,
    string RunDirectory,
    string? FailureKind,
    string Message,
    MatchedFailure? Failure,
    IReadOnlyList<string> LastLines,
    int? ExitCode,
    string? StopReason,
    int? LastIteration,
    TimeSpan Duration,
    TimeSpan? StopDelay
);
