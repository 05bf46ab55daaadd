using System.Runtime.InteropServices;

namespace MaskBench.Tools.Slurm;

/// <summary>Whether a SIGTERM reached this process inside a Slurm job: the TERM the batch script's
/// <c>--signal=B:TERM@…</c> backstop sends ahead of the time limit (<see cref="TimeLimit.SignalLead"/>), or a scancel's.
/// The build cancels on it as on any SIGTERM; this only remembers that it came, so that the supervisor ends with
/// <see cref="TimeLimit.TermExitCode"/>. A scancel's TERM does no harm: Slurm records such a job CANCELLED whatever its
/// exit code.</summary>
internal sealed class BackstopSignal : IDisposable
{
    readonly PosixSignalRegistration? registration;
    volatile bool received;

    public BackstopSignal()
    {
        if (InJob)
            registration = PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => received = true);
    }

    /// <summary>This process runs in a Slurm job (its batch script set <c>SLURM_JOB_ID</c>).</summary>
    public static bool InJob => Environment.GetEnvironmentVariable("SLURM_JOB_ID") is { Length: > 0 };

    public bool Received => received;

    public void Dispose() => registration?.Dispose();
}
