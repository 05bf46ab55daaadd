namespace MaskBench.Model;

/// <summary>The names of the files in a run folder (<c>runs/&lt;id&gt;/&lt;n&gt;</c>), in one place: the Trainer writes
/// them, the executors carry them, Parse and Aggregate read them, and a recipe's outputs may not take them.</summary>
internal static class RunFiles
{
    /// <summary>The trainer's output, line by line.</summary>
    public const string Log = "train.log";

    /// <summary>When each line of <see cref="Log"/> arrived, on the run's clock (the harness cross-check).</summary>
    public const string Times = "train.times.tsv";

    /// <summary>What nvidia-smi sampled during the run.</summary>
    public const string Telemetry = "telemetry.tsv";

    /// <summary>What the run was: machine, GPUs, software, settings, window.</summary>
    public const string Manifest = "manifest.json";

    /// <summary>The run's one record: result or failure, with its verdicts.</summary>
    public const string Record = "record.json";

    /// <summary>The training job an executor placed on a node.</summary>
    public const string Job = "job.json";

    /// <summary>Every name the harness writes in a run folder, and the names older versions wrote there
    /// (<c>result.json</c>, <c>failure.json</c>, <c>outcome.json</c>): a recipe's precise file may never match one, and is never copied over one.</summary>
    public static IReadOnlySet<string> Harness { get; } =
        new SortedSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            Log,
            Times,
            Telemetry,
            "result.json",
            Manifest,
            Record,
            Job,
            "failure.json",
            "outcome.json",
        };
}
