namespace MaskBench.Tools.Slurm;

/// <summary>How a training's job ended.</summary>
/// <param name="JobId">The last job submitted for the run; null when none could be submitted.</param>
/// <param name="State">Slurm's last state of it (COMPLETED, TIMEOUT, …; UNKNOWN or UNREACHABLE when no one could tell).</param>
/// <param name="FailureKind">Null on success; else timeout, oom, node-failure, preempted, requeued, cancelled, exit,
/// boot-failure, deadline, unknown, scheduler (the queries failed: the job may still run), submit (sbatch refused it).</param>
/// <param name="Message">One line that names the job id.</param>
/// <param name="Attempts">Submissions of this run, the first included (preempted ones are discarded and submitted again).</param>
/// <param name="Reattached">The job was found in the journal, submitted by an earlier invocation.</param>
/// <param name="ScriptHash">The batch script's hash, for the Train stamp.</param>
internal sealed record SlurmJobOutcome(
    string RunName,
    string? JobId,
    string State,
    int? ExitCode,
    string? FailureKind,
    string Message,
    int Attempts,
    bool Reattached,
    string ScriptHash
)
{
    public bool Succeeded => FailureKind is null;
}
