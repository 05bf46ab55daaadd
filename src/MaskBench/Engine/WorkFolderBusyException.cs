namespace MaskBench.Engine;

/// <summary>Another run holds the work folder's lock: not a bad invocation, so the build exits with its own code (3).</summary>
public sealed class WorkFolderBusyException(string message) : Exception(message), IUserError;
