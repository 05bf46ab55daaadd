namespace MaskBench.Tools.Processes;

/// <summary>A problem the user can fix, with one message that names the thing and the fix.</summary>
internal sealed class RunnerException(string message) : MaskBenchException(message);
