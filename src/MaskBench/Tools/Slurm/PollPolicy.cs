namespace MaskBench.Tools.Slurm;

/// <summary>How the poller paces its one batched query a cycle.</summary>
/// <param name="First">The delay after a change (a new job, a state change); doubled each quiet cycle up to <paramref name="Max"/>.</param>
/// <param name="MaxFailures">Consecutive failed queries tolerated (a controller restarting) before giving up.</param>
/// <param name="MissingGrace">How long a job may be missing from squeue (and sacct) before its end is read from its
/// exit marker, or judged unknown.</param>
/// <param name="CancelWait">After a scancel, how long to wait for the jobs to leave the queue.</param>
public sealed record PollPolicy(TimeSpan First, TimeSpan Max, int MaxFailures, TimeSpan MissingGrace, TimeSpan CancelWait)
{
    public static PollPolicy Default { get; } =
        new(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(30), 6, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30));

    public TimeSpan Next(TimeSpan current) => TimeSpan.FromTicks(Math.Min(current.Ticks * 2, Max.Ticks));
}
