using MaskBench.Catalog;
using MaskBench.Parsing;
using MaskBench.Processes;

namespace MaskBench.Running;

/// <summary>How the runner ends a training. <c>cap</c>: the implementation stops itself (its own iteration cap);
/// <c>watch</c>: the runner stops the process tree once the watcher has seen the window.</summary>
/// <param name="Grace">Between the interrupt (SIGINT) and the kill (SIGKILL).</param>
/// <param name="CapExit">In <c>cap</c> mode, how long a process may take to exit by itself after the window (checkpoint, teardown) before it is stopped.</param>
/// <param name="AfterFailure">How long a process may go on after a failure signature before it is stopped.</param>
public sealed record StopPolicy(string Mode, TimeSpan Grace, TimeSpan CapExit, TimeSpan AfterFailure)
{
    /// <summary>A short CapExit (30 s): after the window a capped trainer only writes a checkpoint and tears down;
    /// the runner says that it waits, and for how long.</summary>
    public static StopPolicy For(string mode) => new(mode, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(10));
}

/// <param name="Id">The implementation id: the run folder's name and the console prefix.</param>
/// <param name="Process">The filled command, variables and working directory (absolute).</param>
/// <param name="Host">Where the process runs.</param>
/// <param name="Watcher">Reads the live log (the recipe's format, the page's window).</param>
/// <param name="WatchedStream"><c>stdout</c>, <c>stderr</c> or <c>both</c>: the lines the watcher sees.</param>
/// <param name="RunsDirectory"><c>artifacts/runs</c>.</param>
/// <param name="OutputDirectory">The fresh <c>{output}</c> folder (see <see cref="OutputFolder.Fresh"/>).</param>
/// <param name="PreciseFile">A glob under the output folder, copied beside train.log after the run.</param>
/// <param name="Facts">What the manifest records beside what the runner reads itself: commit, tree hash, environment identity, gpus.</param>
public sealed record TrainRequest(
    string Id,
    ProcessSpec Process,
    IExecutionHost Host,
    ILogWatcher Watcher,
    string WatchedStream,
    StopPolicy Stop,
    IReadOnlyList<FailureSpec> Failures,
    Window Window,
    int ImagesPerIteration,
    string RunsDirectory,
    string OutputDirectory,
    string? PreciseFile,
    TimeSpan Timeout,
    IReadOnlyDictionary<string, string> Facts
)
{
    /// <summary>Reads GPUs (nvidia-smi) and framework versions (python in the environment) into the manifest.</summary>
    public bool ProbeMachine { get; init; } = true;

    /// <summary>Echo every line to the console through Serilog, prefixed with the id.</summary>
    public bool EchoLines { get; init; } = true;

    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>At most this many lines a second are echoed to the console (the log file keeps every line); the
    /// number left out is said once a second.</summary>
    public int EchoLinesPerSecond { get; init; } = 200;

    /// <summary>The live-trainings journal entry of this run, e.g. <c>&lt;work&gt;/live/&lt;run&gt;.json</c>: written before the
    /// training starts, removed once its whole tree is gone. Before starting, every entry of the same folder left by
    /// a build that is no longer running is stopped (see <see cref="LiveTrainings"/>). Null: no journal.</summary>
    public string? LiveJournal { get; init; }
}

/// <param name="RunDirectory">Where the run's files are: <c>runs/&lt;id&gt;</c>, or <c>runs/&lt;id&gt;.failed</c>.</param>
/// <param name="FailureKind">oom, nan, data, import, timeout, exit, incomplete, cancelled, start, …; null on success.</param>
/// <param name="Message">One paragraph for the user: what happened, the matched line, the last lines, where the log is.</param>
/// <param name="StopReason">Why the runner stopped the tree (window, timeout, failure, cancelled, orphans); null when it exited by itself.</param>
/// <param name="StopDelay">From the line that completed the window to the whole tree being gone.</param>
public sealed record RunOutcome(
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
