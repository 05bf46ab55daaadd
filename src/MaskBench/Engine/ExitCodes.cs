namespace MaskBench.Engine;

/// <summary>
/// Every exit code of <c>./build.sh</c>, in one place: the engine returns them, Compare asks for its own
/// (<see cref="MaskBenchException.ExitCode"/>), and <c>--help</c> lists <see cref="All"/>, so what it says stays what the build does.
/// </summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int BadInvocation = 2;
    public const int WorkFolderBusy = 3;
    public const int Regression = 4;
    public const int InfrastructureFailure = 5;
    public const int NothingMeasured = 6;
    public const int JobTimeLimit = 7;

    public static IReadOnlyList<(int Code, string Meaning)> All { get; } =
    [
        (Ok, "every target succeeded (or was up to date); Compare: no implementation is slower than its baseline"),
        (Failed, "a target failed, or the build was cancelled (Ctrl-C, SIGTERM, SIGHUP)"),
        (BadInvocation, "a bad invocation: a parameter, a target name, a parameter file or a preflight check refused it"),
        (WorkFolderBusy, "the work folder is busy: another MaskBench run holds it"),
        (Regression, "Compare: at least one implementation is slower than its rolling baseline"),
        (InfrastructureFailure, "Compare: a candidate run failed or could not be measured"),
        (NothingMeasured, "Compare: nothing was compared (no implementation has both measured runs and a baseline)"),
        (JobTimeLimit, "Supervise, on a Slurm node: the TERM Slurm sends ahead of the job's time limit stopped the training"),
    ];

    /// <summary>Whether a target's code says "no baseline yet": a warning, not a failure of anything (the executor's
    /// log line and the summary's count and verdict ask this one question).</summary>
    public static bool IsNoBaseline(int? code) => code == NothingMeasured;

    /// <summary>How the summary names a target that ended with this code: Compare's verdicts by what they mean
    /// ("no baseline yet" is not a failure of anything), every other code as "failed".</summary>
    public static string StatusOf(int? code) =>
        code switch
        {
            Regression => "slower",
            InfrastructureFailure => "run failed",
            NothingMeasured => "no baseline yet",
            _ => "failed",
        };
}
