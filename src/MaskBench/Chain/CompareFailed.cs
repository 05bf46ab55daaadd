using MaskBench.Engine;

namespace MaskBench.Chain;

/// <summary>Compare's verdict as the build's exit code: 4 a regression, 5 a run that failed, 6 nothing measured.</summary>
public sealed class CompareFailed(int exitCode, string message) : Exception(message), IUserError, IExitCode
{
    public int ExitCode { get; } = exitCode;
}
