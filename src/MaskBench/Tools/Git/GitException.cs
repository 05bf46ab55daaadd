namespace MaskBench.Tools.Git;

/// <summary>A clone or fetch failed: one line naming the repository, the pin and the fix.</summary>
internal sealed class GitException(string message) : MaskBenchException(message);
