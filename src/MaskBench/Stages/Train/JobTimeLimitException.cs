using MaskBench.Tools.Slurm;

namespace MaskBench.Stages.Train;

/// <summary>The supervisor's end when Slurm's TERM ahead of the time limit stopped its training: the build exits with
/// <see cref="TimeLimit.TermExitCode"/>, which the submit host's poller judges as the job's time limit.</summary>
internal sealed class JobTimeLimitException(string message) : MaskBenchException(message, TimeLimit.TermExitCode);
