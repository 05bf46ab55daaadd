namespace MaskBench.Engine;

/// <summary>A target failure that asks for an exit code of its own (Compare: 4 a regression, 5 a failed run, 6 nothing
/// measured), so scripts can tell the cases apart; any other failure exits 1.</summary>
public interface IExitCode
{
    int ExitCode { get; }
}
