namespace MaskBench.Stages;

/// <summary>A chain stage cannot go on: the message is one line that names the thing and the fix.</summary>
/// <param name="Recorded">The stage already wrote the run's record for this failure.</param>
internal sealed class ChainException(string message, bool recorded = false) : MaskBenchException(message)
{
    public bool Recorded { get; } = recorded;
}
