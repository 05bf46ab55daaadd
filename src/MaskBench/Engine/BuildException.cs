namespace MaskBench.Engine;

/// <summary>A problem with how the build was declared or invoked; its message is shown as is.</summary>
internal sealed class BuildException(string message) : MaskBenchException(message);
