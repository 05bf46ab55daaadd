namespace MaskBench.History;

/// <summary>
/// Compare's exit codes, so CI can tell a slower commit from a broken runner: the first that applies, in this order,
/// wins — a regression found (4) outranks a failed run elsewhere (5), which outranks "nothing measured" (6); the numbers
/// are <see cref="MaskBench.Engine.ExitCodes"/>'s, which --help lists.
/// </summary>
internal static class CompareExit
{
    /// <summary>Every implementation with a baseline was compared and none is slower (inconclusive counts as not slower).</summary>
    public const int Ok = MaskBench.Engine.ExitCodes.Ok;

    /// <summary>At least one implementation is slower than its rolling baseline.</summary>
    public const int Regression = MaskBench.Engine.ExitCodes.Regression;

    /// <summary>A candidate run failed or could not be measured.</summary>
    public const int InfrastructureFailure = MaskBench.Engine.ExitCodes.InfrastructureFailure;

    /// <summary>Nothing was compared: no implementation had both measured candidate runs and a baseline (e.g. a first run).</summary>
    public const int NothingMeasured = MaskBench.Engine.ExitCodes.NothingMeasured;
}
