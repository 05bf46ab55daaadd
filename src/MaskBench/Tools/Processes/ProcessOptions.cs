namespace MaskBench.Tools.Processes;

/// <summary>How <see cref="ProcessRunner"/> runs a command.</summary>
internal sealed record ProcessOptions
{
    /// <summary>The step, for messages and log lines (<c>Setup-Fake</c>, <c>git fetch</c>); null: the program's name alone.</summary>
    public string? What { get; init; }

    /// <summary>After this the whole tree is stopped and the result says so.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Between the interrupt (SIGINT) and the kill (SIGKILL) when the tree is stopped.</summary>
    public TimeSpan Grace { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Every line of stdout and stderr goes to the log as <c>What | line</c>.</summary>
    public bool LogLines { get; init; }

    /// <summary>Called for every line of stdout and stderr, in arrival order (from the pipe readers' threads).</summary>
    public Action<string>? OnLine { get; init; }

    /// <summary>A line <c>What: still running after …</c> this often while the command runs; null: none.</summary>
    public TimeSpan? ProgressEvery { get; init; }

    /// <summary>Characters of each stream kept in the result; what is beyond is counted, not kept.</summary>
    public int CaptureLimit { get; init; } = 1 << 20;

    /// <summary>Stop what the program leaves running after it exited by itself (its marked processes); false: a
    /// command may start a daemon on purpose (a test Slurm's controller, podman's conmon). On a timeout or a
    /// cancellation the whole tree is stopped either way.</summary>
    public bool StopLeftovers { get; init; }

    /// <summary>A name for the process, unique to it (a container's name); null: made from <see cref="What"/>.</summary>
    public string? Name { get; init; }
}
