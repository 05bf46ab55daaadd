namespace MaskBench.Tools.Slurm;

/// <summary>What a job's state means for a measurement: still waiting, ended (and how, in the failure vocabulary the
/// table uses), or to be discarded and run again fresh. An unknown state is never success.</summary>
internal static class JobStates
{
    /// <summary>The job is queued or running, or on its way to an end: keep polling.</summary>
    static readonly HashSet<string> Waiting =
    [
        "PENDING",
        "CONFIGURING",
        "RUNNING",
        "COMPLETING",
        "SUSPENDED",
        "STOPPED",
        "RESIZING",
        "SIGNALING",
        "STAGE_OUT",
        "RESV_DEL_HOLD",
        "UPDATE_DB",
        "POWER_UP_NODE",
    ];

    /// <summary>Slurm will run the script again from its start: a measurement cannot resume mid-window, so the job is
    /// cancelled and submitted fresh (see <see cref="RetryPolicy"/>).</summary>
    static readonly HashSet<string> Rerun = ["REQUEUED", "REQUEUE_HOLD", "REQUEUE_FED"];

    static readonly Dictionary<string, string> Kinds = new()
    {
        ["COMPLETED"] = "exit",
        ["FAILED"] = "exit",
        ["SPECIAL_EXIT"] = "exit",
        ["TIMEOUT"] = "timeout",
        ["OUT_OF_MEMORY"] = "oom",
        ["NODE_FAIL"] = "node-failure",
        ["PREEMPTED"] = "preempted",
        ["CANCELLED"] = "cancelled",
        ["BOOT_FAIL"] = "boot-failure",
        ["DEADLINE"] = "deadline",
        ["REVOKED"] = "revoked",
    };

    /// <summary>squeue's reason for a job it shows COMPLETING → the state the job ends in. Slurm counts MinJobAge from
    /// the job's end time (the time limit), and a job that ignores TERM stays COMPLETING for KillWait: when KillWait is
    /// as long as MinJobAge, Slurm purges the job right after it left COMPLETING, often before a poll sees its end.</summary>
    static readonly Dictionary<string, string> EndingReasons = new()
    {
        ["TimeLimit"] = "TIMEOUT",
        ["NodeDown"] = "NODE_FAIL",
        ["OutOfMemory"] = "OUT_OF_MEMORY",
    };

    /// <summary>The state a job last seen COMPLETING for a reason that names its end ends in, or null.</summary>
    public static string? EndingOf(JobSnapshot last) =>
        last.State == "COMPLETING" && EndingReasons.TryGetValue(last.Reason, out var end) ? end : null;

    /// <summary>Failure kinds after which the measurement is discarded and submitted again fresh.</summary>
    public static IReadOnlySet<string> Retried { get; } = new HashSet<string> { "preempted", "requeued" };

    public static bool IsWaiting(string state) => Waiting.Contains(state);

    /// <summary>Ended, or to be rerun: polling this job is over.</summary>
    public static bool IsOver(string state) => !IsWaiting(state);

    /// <summary>The verdict on a job's last state: null kind for success (COMPLETED with exit code 0, nothing else).</summary>
    /// <param name="cancelledHere">This build cancelled it (Ctrl-C), rather than someone else.</param>
    public static (string? Kind, string Message) Judge(string jobId, JobSnapshot end, bool cancelledHere, TimeSpan timeLimit)
    {
        var state = end.State;
        var exit = end.ExitCode is { } code ? $" with exit code {code}" + (end.Signal is > 0 ? $" (signal {end.Signal})" : "") : "";
        var why = string.IsNullOrEmpty(end.Reason) || end.Reason == "None" ? "" : $" ({end.Reason})";
        if (state == "COMPLETED" && end.ExitCode == 0)
            return (null, $"job {jobId} completed");
        if (state == "FAILED" && end.ExitCode == TimeLimit.TermExitCode)
            return (
                "timeout",
                $"job {jobId} reached its time limit: Slurm's TERM ahead of it (--signal=B:TERM) stopped the training (the job asked for {TimeLimit.Format(timeLimit)}): raise --train-timeout, or ask whether an administrator shortened the limit"
            );
        if (Rerun.Contains(state))
            return ("requeued", $"job {jobId} was requeued by Slurm ({state}): a measurement cannot resume, so it is discarded");
        if (!Kinds.TryGetValue(state, out var kind))
            return (
                "unknown",
                $"job {jobId} ended in a state MaskBench cannot judge ({state}{why}): counted as a failure, never as success"
            );
        return kind switch
        {
            "exit" => ("exit", $"job {jobId} {(state == "COMPLETED" ? "completed" : "failed")}{exit}{why}"),
            "timeout" => (
                "timeout",
                $"job {jobId} reached its time limit of {TimeLimit.Format(timeLimit)} (TIMEOUT): raise --train-timeout or check the node"
            ),
            "oom" => ("oom", $"job {jobId} ran out of memory (OUT_OF_MEMORY): raise --slurm-mem-per-gpu"),
            "node-failure" => (
                "node-failure",
                $"job {jobId} lost its node (NODE_FAIL){why}: run again; if that node fails again, ask the cluster's administrators to drain it (sacct -j {jobId} -o NodeList names it)"
            ),
            "preempted" => ("preempted", $"job {jobId} was preempted (PREEMPTED): the measurement is discarded"),
            "cancelled" when cancelledHere => ("cancelled", $"job {jobId} was cancelled by this build (scancel)"),
            "cancelled" => (
                "cancelled",
                $"job {jobId} was cancelled from outside this build (scancel, an administrator, or a dependency){why}"
            ),
            "boot-failure" => (
                "boot-failure",
                $"job {jobId} could not boot its node (BOOT_FAIL): run again or ask the cluster's administrators"
            ),
            "deadline" => ("deadline", $"job {jobId} passed its deadline before it could run (DEADLINE)"),
            _ => (kind, $"job {jobId} ended {state}{exit}{why}"),
        };
    }
}
