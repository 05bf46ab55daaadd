namespace MaskBench.Engine;

/// <summary>A problem with how the build was declared or invoked; its message is shown as is.</summary>
public sealed class BuildException(string message) : Exception(message), IUserError;
