namespace MaskBench.Engine;

/// <summary>Where a parameter's value came from. <see cref="Label"/> is short, for <c>--help</c> ("command line",
/// ".nuke/parameters.json:3", "$GPUS", "default"); <see cref="Given"/> repeats the value as the user wrote it
/// there, for messages ("--gpus 4", "GPUS=4 (environment)", "--gpus 4 (\"Gpus\" in .nuke/parameters.json:3)"): a message
/// names the value once, through this text.</summary>
internal sealed record ParameterSource(string Label, string Given);
