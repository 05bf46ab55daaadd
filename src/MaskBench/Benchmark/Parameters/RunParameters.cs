using MaskBench.Engine;
using MaskBench.Model.Catalog;
using MaskBench.Model.Logs;
using MaskBench.Stages;
using MaskBench.Tools.Git;

namespace MaskBench.Benchmark.Parameters;

/// <summary>What every chain is run with: the window, the GPUs, the data, the stack and the recipes' settings,
/// the repeats; read into one <see cref="BenchmarkSettings"/>.</summary>
internal sealed class RunParameters
{
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
        "Measure one implementation (--implementations <id>) at this commit instead of its recipe's pin; also --set pin=<commit>. Default: none"
    )]
    readonly string? Pin = null;

    [Parameter(
        "COCO folder (annotations/, train2017/, val2017/; 2014 files where a recipe needs them), or 'synthetic' for generated data. Default: none"
    )]
    readonly string? Coco = null;

    [Parameter("Images in the synthetic COCO dataset that --coco synthetic trains on. Default: 16", Minimum = 1)]
    readonly int SyntheticImages = 16;

    [Parameter("Longest a training run may take, e.g. 90m or 2h. Default: 2h")]
    readonly TimeSpan TrainTimeout = TimeSpan.FromHours(2);

    [Parameter("Complete Train and Parse runs per implementation, kept side by side (runs/<id>/<n>). Default: 1", Minimum = 1)]
    readonly int Repeats = 1;

    [Parameter("Seed of the interleaved order of all runs across implementations (recorded in each manifest). Default: 1")]
    readonly int Seed = 1;

    [Parameter("Aggregate: build the table from logs in DIR/<id>/train.log instead of runs. Default: none", Folder = true)]
    readonly string? From = null;

    [Parameter(
        "Aggregate: the implementation the ratio of ratios is taken against, measured side by side on this machine. Default: the page's fastest that ran"
    )]
    readonly string? Reference = null;

    [Parameter("Clone from DIR/<owner>/<repo> instead of the recipe's URL (air-gapped clusters, tests). Default: none", Folder = true)]
    readonly string? GitMirror = null;

    [Parameter(
        "Clone and Wheelhouse: how a pin is fetched: cli (the git CLI, one commit deep where the remote allows) or libgit2 (LibGit2Sharp, full history). Default: cli where git is on PATH, else libgit2"
    )]
    readonly GitTransport? GitTransport = null;

    [Parameter(
        "Setup and Wheelhouse: the wheelhouse a stack's Python packages are installed from, with no index (pip --find-links). Default: .work/wheelhouse",
        Folder = true,
        Name = "Wheelhouse"
    )]
    readonly string? WheelhouseFolder = null;

    /// <summary>The settings, with each path relative to <paramref name="invocation"/> (where the build was run).</summary>
    public BenchmarkSettings Settings(string invocation, IReadOnlyList<string> implementationIds)
    {
        string? Resolve(string? path) => path is null ? null : Path.GetFullPath(path, invocation);
        var settings = KeyValues.Parse(Set, "--set", "batch=8");
        return new(
            new Window(WindowSkip, WindowEnd),
            Gpus,
            Coco is null or BenchmarkSettings.Synthetic ? Coco : Resolve(Coco),
            SyntheticImages,
            TrainTimeout,
            Provider,
            Provider == Provider.Venv ? ProgramPath.Find(Python, invocation) : null,
            PinnedCommit.WithoutPin(settings),
            KeyValues.Parse(Stack.SelectMany(s => s.Split(',', StringSplitOptions.RemoveEmptyEntries)), "--stack", "cuda=10.2"),
            Resolve(GitMirror),
            Resolve(From),
            Repeats,
            Seed,
            Stacks,
            Reference,
            PinnedCommit.From(Pin, settings, implementationIds)
        )
        {
            Wheelhouse = Resolve(WheelhouseFolder),
            GitTransport = GitTransport,
        };
    }
}
