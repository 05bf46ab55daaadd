using MaskBench.Engine;

namespace MaskBench.Build;

enum Provider
{
    Docker,
    Venv,
}

enum ContainerEngine
{
    Docker,
    Podman,
}

partial class Build
{
    [Parameter("Implementations to benchmark, by id (Benchmark only). Default: all")]
    readonly string[] Implementations = [];

    [Parameter("Work folder for clones, environments and stamps. Default: .work in the MaskBench root")]
    readonly string? WorkDir = null;

    [Parameter("Folder for runs and the comparison table. Default: artifacts in the MaskBench root")]
    readonly string? ArtifactsDir = null;

    [Parameter("Clone from DIR/<owner>/<repo> instead of the recipe's URL (air-gapped clusters, tests). Default: none")]
    readonly string? GitMirror = null;

    [Parameter("GPUs per training run. Default: 8")]
    readonly int Gpus = 8;

    [Parameter("Iterations skipped before the window (GPU warm-up). Default: 100")]
    readonly int WindowSkip = 100;

    [Parameter("Last iteration of the window (1-based). Default: 500")]
    readonly int WindowEnd = 500;

    [Parameter("Where environments come from: docker (containers) or venv (an existing interpreter). Default: docker")]
    readonly Provider Provider = Provider.Docker;

    [Parameter("Container engine for the docker provider: docker or podman. Default: docker")]
    readonly ContainerEngine ContainerEngine = ContainerEngine.Docker;

    [Parameter("Interpreter for the venv provider (a python, or a virtual environment's bin/python). Default: python3")]
    readonly string Python = "python3";

    [Parameter("Overrides of the recipes' software stack, as key=value (e.g. cuda=11.8 torch=2.1.0). Default: none")]
    readonly string[] Stack = [];

    [Parameter("Recipe settings as key=value, e.g. batch=8 device=cuda; each applies to the recipes that have that setting. Default: none")]
    readonly string[] Set = [];

    [Parameter(
        "COCO folder (annotations/, train2017/, val2017/; 2014 files where a recipe needs them), or 'synthetic' for generated data. Default: none"
    )]
    readonly string? Coco = null;

    [Parameter("Cache of ImageNet-pretrained weights, fetched once and checked by hash. Default: weights in the work folder")]
    readonly string? Weights = null;

    [Parameter("Longest a training run may take, e.g. 90m or 2h. Default: 2h")]
    readonly TimeSpan TrainTimeout = TimeSpan.FromHours(2);

    [Parameter("Aggregate: build the table from logs in DIR/<id>/train.log instead of runs. Default: none")]
    readonly string? From = null;

    string Resolve(string path) => Path.GetFullPath(path, InvocationDirectory);

    string WorkDirectory => WorkDir is null ? Path.Combine(RootDirectory, ".work") : Resolve(WorkDir);

    string ArtifactsDirectory => ArtifactsDir is null ? Path.Combine(RootDirectory, "artifacts") : Resolve(ArtifactsDir);

    string WeightsDirectory => Weights is null ? Path.Combine(WorkDirectory, "weights") : Resolve(Weights);

    protected override string StampDirectory => Path.Combine(WorkDirectory, "stamps");
}
