using MaskBench.Engine;
using MaskBench.Model.Catalog;
using MaskBench.Model.Logs;
using MaskBench.Stages;
using MaskBench.Tools.Git;

namespace MaskBench.Build;

partial class Build
{
    [Parameter("Implementations to benchmark, by id (Benchmark only). Default: all")]
    readonly string[] Implementations = [];

    [Parameter("Work folder for clones, environments and stamps. Default: .work in the MaskBench root", Folder = true)]
    readonly string? WorkDir = null;

    [Parameter("Folder for runs and the comparison table. Default: artifacts in the MaskBench root", Folder = true)]
    readonly string? ArtifactsDir = null;

    [Parameter("Clone from DIR/<owner>/<repo> instead of the recipe's URL (air-gapped clusters, tests). Default: none", Folder = true)]
    readonly string? GitMirror = null;

    [Parameter(
        "Clone and Wheelhouse: how a pin is fetched: cli (the git CLI, one commit deep where the remote allows) or libgit2 (LibGit2Sharp, full history). Default: cli where git is on PATH, else libgit2"
    )]
    readonly GitTransport? GitTransport = null;

    [Parameter("GPUs per training run. Default: 8", Minimum = 0)]
    readonly int Gpus = 8;

    [Parameter("Iterations skipped before the window (GPU warm-up). Default: 100", Minimum = 0)]
    readonly int WindowSkip = 100;

    [Parameter("Last iteration of the window (1-based). Default: 500", Minimum = 1)]
    readonly int WindowEnd = 500;

    [Parameter("Where environments come from: docker or podman (container images), or venv (a virtual environment). Default: docker")]
    readonly Provider Provider = Provider.Docker;

    [Parameter("Interpreter the venv provider makes its virtual environments from. Default: python3")]
    readonly string Python = "python3";

    [Parameter(
        "The stack implementations are built on: page (the page's 2020 stack, Pascal to Turing GPUs) or current (today's GPUs, where a path exists). Default: page"
    )]
    readonly string Stacks = StackSelection.Page;

    [Parameter(
        "Overrides of the recipes' software stack, as key=value (e.g. cuda=10.2 torch=1.5.1). Default: none",
        KeyValue = "cuda=10.2"
    )]
    readonly string[] Stack = [];

    [Parameter(
        "Recipe settings as key=value, e.g. batch=8 device=cuda; each applies to the recipes that have that setting. Default: none",
        KeyValue = "batch=8"
    )]
    readonly string[] Set = [];

    [Parameter(
        "COCO folder (annotations/, train2017/, val2017/; 2014 files where a recipe needs them), or 'synthetic' for generated data. Default: none"
    )]
    readonly string? Coco = null;

    [Parameter("Images in the synthetic COCO dataset that --coco synthetic trains on. Default: 16", Minimum = 1)]
    readonly int SyntheticImages = 16;

    [Parameter(
        "Cache of ImageNet-pretrained weights, fetched once and checked by hash. Default: weights in the work folder",
        Folder = true
    )]
    readonly string? Weights = null;

    [Parameter("Longest a training run may take, e.g. 90m or 2h. Default: 2h")]
    readonly TimeSpan TrainTimeout = TimeSpan.FromHours(2);

    [Parameter("Complete Train and Parse runs per implementation, kept side by side (runs/<id>/<n>). Default: 1", Minimum = 1)]
    readonly int Repeats = 1;

    [Parameter("Seed of the interleaved order of all runs across implementations (recorded in each manifest). Default: 1")]
    readonly int Seed = 1;

    [Parameter(
        "History of every finished run, one JSON file each (append-only; commit it to a results branch). Default: history in the artifacts folder",
        Folder = true
    )]
    readonly string? History = null;

    [Parameter("Compare: the history holding the baseline runs. Default: --history", Folder = true)]
    readonly string? Baseline = null;

    [Parameter("Compare: how many earlier runs on this machine make the rolling baseline. Default: 10", Minimum = 2)]
    readonly int BaselineRuns = 10;

    [Parameter("Aggregate: build the table from logs in DIR/<id>/train.log instead of runs. Default: none", Folder = true)]
    readonly string? From = null;

    [Parameter(
        "Aggregate: the implementation the ratio of ratios is taken against, measured side by side on this machine. Default: the page's fastest that ran"
    )]
    readonly string? Reference = null;

    /// <summary>A path given as a parameter is relative to where the build was run.</summary>
    string? Resolve(string? path) => path is null ? null : Path.GetFullPath(path, InvocationDirectory);

    BenchmarkSettings Settings() =>
        new(
            new Window(WindowSkip, WindowEnd),
            Gpus,
            Coco is null or BenchmarkSettings.Synthetic ? Coco : Resolve(Coco),
            SyntheticImages,
            TrainTimeout,
            Provider,
            Provider == Provider.Venv ? ProgramPath.Find(Python, InvocationDirectory) : null,
            PinnedCommit.WithoutPin(KeyValues.Parse(Set, "--set", "batch=8")),
            KeyValues.Parse(Stack.SelectMany(s => s.Split(',', StringSplitOptions.RemoveEmptyEntries)), "--stack", "cuda=10.2"),
            Resolve(GitMirror),
            Resolve(From),
            Repeats,
            Seed,
            Stacks,
            Reference,
            PinnedCommit.From(Pin, KeyValues.Parse(Set, "--set", "batch=8"), ImplementationIds)
        )
        {
            Wheelhouse = Resolve(WheelhouseFolder),
            GitTransport = GitTransport,
        };

    [Parameter(
        "Setup and Wheelhouse: the wheelhouse a stack's Python packages are installed from, with no index (pip --find-links). Default: .work/wheelhouse",
        Folder = true,
        Name = "Wheelhouse"
    )]
    readonly string? WheelhouseFolder = null;

    // Speed over time: --pin, Bisect-<Id>, Track-<Id> and HistoryReport (build/Build.History.cs).

    [Parameter(
        "Measure one implementation (--implementations <id>) at this commit instead of its recipe's pin; also --set pin=<commit>. Default: none"
    )]
    readonly string? Pin = null;

    [Parameter("Bisect: a commit that trains at the old speed (full or abbreviated hash). Default: none")]
    readonly string? Good = null;

    [Parameter("Bisect: a later commit that trains slower. Default: none")]
    readonly string? Bad = null;

    [Parameter("Bisect: the most runs one commit gets while its verdict stays inconclusive. Default: 9", Minimum = 1)]
    readonly int BisectMaxRuns = 9;

    [Parameter(
        "Track: how many of the newest commits of the branch to look at; those not in this machine's history are measured. Default: 10",
        Minimum = 1
    )]
    readonly int TrackCommits = 10;

    [Parameter(
        "Track: the branch (or any revision) of the implementation's repository to follow. Default: HEAD, the repository's default branch"
    )]
    readonly string TrackBranch = "HEAD";

    [Parameter(
        "Generate: the labels of the self-hosted GPU runner benchmark.yml and bisect.yml run on (set in .nuke/parameters.json). Default: self-hosted linux gpu"
    )]
    readonly string[] GpuRunnerLabels = ["self-hosted", "linux", "gpu"];

    [Parameter(
        "Generate: build arguments every benchmark and bisect on that runner takes, e.g. [\"--coco\", \"/data/coco\"] in .nuke/parameters.json. Default: --coco /data/coco"
    )]
    readonly string[] GpuRunnerArguments = ["--coco", "/data/coco"];
}
