using MaskBench.Engine;

namespace MaskBench.Tools.Slurm;

/// <summary>The job's <c>--time</c>, derived from how long the training may take rather than a flat guess.
/// The rule: the training's own timeout (the supervisor stops it there: recipe duration or --train-timeout), plus
/// the setup slack (environment start, machine probes, the run record), plus <see cref="StopMargin"/> for the
/// supervisor to stop the tree and write its record, plus <see cref="SignalLead"/>, the lead of the
/// <c>--signal=B:TERM@…</c> backstop, rounded up to whole minutes. The scheduler's limit is thus only reached when the
/// supervisor itself failed to stop, and the TERM it sends first still leaves it a minute and a half.</summary>
internal static class TimeLimit
{
    /// <summary>Between the supervisor's own timeout and the TERM backstop: stopping the tree (grace, kill) and writing.</summary>
    public static TimeSpan StopMargin { get; } = TimeSpan.FromMinutes(2);

    /// <summary>How long before the limit Slurm sends TERM to the batch shell (the supervisor, which the script execs).
    /// Slurm's signal timing is coarse (a 55 s lead fired 22 s after start on a 1 min job), hence the wide lead.</summary>
    public static TimeSpan SignalLead { get; } = TimeSpan.FromSeconds(90);

    /// <summary>The exit code of a supervisor that this TERM stopped: the job ends FAILED before Slurm's TIMEOUT (an
    /// administrator who shortens a running job's limit makes the TERM fire at once), and is judged as a time limit.</summary>
    public const int TermExitCode = ExitCodes.JobTimeLimit;

    public static TimeSpan For(TimeSpan trainTimeout, TimeSpan setupSlack)
    {
        if (trainTimeout <= TimeSpan.Zero)
            throw new SlurmException($"the training timeout is {trainTimeout}: a Slurm job needs a positive --train-timeout");
        if (setupSlack < TimeSpan.Zero)
            throw new SlurmException($"the setup slack is {setupSlack}: it cannot be negative");
        var total = trainTimeout + setupSlack + StopMargin + SignalLead;
        return TimeSpan.FromMinutes(Math.Ceiling(total.TotalMinutes));
    }

    /// <summary>Slurm's <c>days-hours:minutes:seconds</c>.</summary>
    public static string Format(TimeSpan limit) => $"{(int)limit.TotalDays}-{limit.Hours:00}:{limit.Minutes:00}:{limit.Seconds:00}";
}
