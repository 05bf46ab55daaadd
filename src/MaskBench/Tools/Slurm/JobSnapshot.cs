namespace MaskBench.Tools.Slurm;

/// <summary>One job as a query saw it.</summary>
/// <param name="State">Slurm's state word, upper case: PENDING, RUNNING, COMPLETED, TIMEOUT, …</param>
/// <param name="Reason">squeue's reason (Priority, Resources, NonZeroExitCode, …); empty from sacct.</param>
/// <param name="ExitCode">The batch script's exit code, when known.</param>
/// <param name="Signal">The signal that ended it, when one did (0 when none).</param>
internal sealed record JobSnapshot(string Id, string State, string Reason, int? ExitCode, int? Signal);
