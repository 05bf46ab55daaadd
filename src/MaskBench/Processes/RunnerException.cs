namespace MaskBench.Processes;

/// <summary>A problem the user can fix, with one message that names the thing and the fix.</summary>
public sealed class RunnerException(string message) : Exception(message), IUserError;
