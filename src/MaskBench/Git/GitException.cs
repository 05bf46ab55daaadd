namespace MaskBench.Git;

/// <summary>A clone or fetch failed: one line naming the repository, the pin and the fix.</summary>
public sealed class GitException(string message) : Exception(message), IUserError;
