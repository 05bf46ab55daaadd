using MaskBench.Benchmark.Parameters;
using MaskBench.Engine;

namespace MaskBench.Build;

/// <summary>The build's own parameters, and its groups of them (each a class beside the settings it feeds, as NUKE's
/// components are): <see cref="RunParameters"/>, <see cref="HistoryParameters"/>, <see cref="SlurmParameters"/>, and the workflows' GPU runner.</summary>
partial class Build
{
    [Parameter("Implementations to benchmark, by id (Benchmark only). Default: all")]
    readonly string[] Implementations = [];

    [Parameter("Work folder for clones, environments and stamps. Default: .work in the MaskBench root", Folder = true)]
    readonly string? WorkDir = null;

    [Parameter("Folder for runs and the comparison table. Default: artifacts in the MaskBench root", Folder = true)]
    readonly string? ArtifactsDir = null;

    [Parameter(
        "Cache of ImageNet-pretrained weights, fetched once and checked by hash. Default: weights in the work folder",
        Folder = true
    )]
    readonly string? Weights = null;

    [ParameterGroup]
    readonly RunParameters Run = new();

    [ParameterGroup]
    readonly HistoryParameters History = new();

    /// <summary>A path given as a parameter is relative to where the build was run.</summary>
    string? Resolve(string? path) => path is null ? null : Path.GetFullPath(path, InvocationDirectory);
}
