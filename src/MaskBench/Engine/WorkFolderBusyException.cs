namespace MaskBench.Engine;

/// <summary>Another run holds the work folder's lock: not a bad invocation, so the build exits with its own code (3).</summary>
internal sealed class WorkFolderBusyException(string message) : MaskBenchException(message);
