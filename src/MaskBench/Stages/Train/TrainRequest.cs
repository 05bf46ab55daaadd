using MaskBench.Model.Catalog;
using MaskBench.Model.Logs;

namespace MaskBench.Stages.Train;

/// <param name="Id">The run's name (<c>detectron2</c>, <c>detectron2-2</c>): the console prefix and part of container names.</param>
/// <param name="Process">The filled command, variables and working directory (absolute).</param>
/// <param name="Host">Where the process runs.</param>
/// <param name="Watcher">Reads the live log (the recipe's format, the page's window).</param>
/// <param name="WatchedStream"><c>stdout</c>, <c>stderr</c> or <c>both</c>: the lines the watcher sees.</param>
/// <param name="RunDirectory">The run's folder, <c>artifacts/runs/&lt;id&gt;/&lt;n&gt;</c>: replaced as a whole when the run ends.</param>
/// <param name="OutputDirectory">The fresh <c>{output}</c> folder (see <see cref="OutputFolders.Fresh"/>).</param>
/// <param name="PreciseFile">A glob under the output folder, copied beside train.log after the run.</param>
/// <param name="Facts">What the manifest records beside what the runner reads itself: commit, tree hash, environment identity, gpus.</param>
internal sealed record TrainRequest(
    string Id,
    ProcessSpec Process,
    IExecutionHost Host,
    ILogWatcher Watcher,
    string WatchedStream,
    StopPolicy Stop,
    IReadOnlyList<FailureSpec> Failures,
    Window Window,
    int ImagesPerIteration,
    string RunDirectory,
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

    /// <summary>Called with the staged run folder, whether the run succeeded and its one-line summary, just before the
    /// folder replaces the older run: what is written there (the run's record) appears together with the log or not at all.</summary>
    public Action<string, bool, string>? BeforePublish { get; init; }

    /// <summary>At most this many lines a second are echoed to the console (the log file keeps every line); the
    /// number left out is said once a second.</summary>
    public int EchoLinesPerSecond { get; init; } = 200;

    /// <summary>The live-trainings journal entry of this run, e.g. <c>&lt;work&gt;/live/&lt;run&gt;.json</c>: written before the
    /// training starts, removed once its whole tree is gone. Before starting, every entry of the same folder left by
    /// a build that is no longer running is stopped (see <see cref="LiveTrainings"/>). Null: no journal.</summary>
    public string? LiveJournal { get; init; }
}
