namespace MaskBench.Engine;

/// <summary>Where a parameter's value came from. <see cref="Label"/> is short, for <c>--help</c> ("command line",
/// ".nuke/parameters.json:3", "$GPUS", "default"); <see cref="Given"/> repeats the value as the user wrote it
/// there, for messages ("--gpus 4", "GPUS=4 (environment)", "\"Gpus\": 4 (.nuke/parameters.json:3)").</summary>
public sealed record ParameterSource(string Label, string Given);
