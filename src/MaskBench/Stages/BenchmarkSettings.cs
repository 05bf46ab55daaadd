using System.Globalization;
using MaskBench.Model.Catalog;
using MaskBench.Model.Logs;
using MaskBench.Tools.Environments;
using MaskBench.Tools.Git;

namespace MaskBench.Stages;

/// <summary>What a benchmark run was asked for, made once from the parameters and never changed: stages read it
/// instead of the build object. It is also what a training job carries to the node that runs it.</summary>
/// <param name="Coco">A COCO folder (absolute), <see cref="Synthetic"/>, or null when none was given.</param>
/// <param name="Python">The interpreter of the venv provider (absolute), or null for containers.</param>
/// <param name="SettingOverrides"><c>--set key=value</c>: recipe settings.</param>
/// <param name="StackOverrides"><c>--stack key=value</c>: build arguments of the environment recipes.</param>
/// <param name="GitMirror">Clone from <c>DIR/&lt;owner&gt;/&lt;repo&gt;</c> instead of the recipe's URL.</param>
/// <param name="From">Aggregate from logs in this folder instead of runs.</param>
/// <param name="Repeats">Complete Train and Parse runs per implementation.</param>
/// <param name="Seed">Seeds the interleaved order of the runs across implementations.</param>
/// <param name="StackName">The stack every implementation is built on: <c>page</c> or <c>current</c>.</param>
/// <param name="Reference">The ratio of ratios' reference implementation; null: the page's fastest that ran.</param>
/// <param name="Pin"><c>--pin</c>: one implementation at another commit than its recipe's, or null.</param>
internal sealed record BenchmarkSettings(
    Window Window,
    int Gpus,
    string? Coco,
    int SyntheticImages,
    TimeSpan TrainTimeout,
    Provider Provider,
    string? Python,
    IReadOnlyDictionary<string, string> SettingOverrides,
    IReadOnlyDictionary<string, string> StackOverrides,
    string? GitMirror,
    string? From,
    int Repeats = 1,
    int Seed = 1,
    string StackName = StackSelection.Page,
    string? Reference = null,
    PinnedCommit? Pin = null
)
{
    public const string Synthetic = "synthetic";

    /// <summary><c>--wheelhouse</c>: the folder a stack's Python packages are installed from; null: the workspace's.</summary>
    public string? Wheelhouse { get; init; }

    /// <summary><c>--git-transport</c>: how Clone and Wheelhouse fetch a pin; null: the git CLI where it is on PATH, else LibGit2Sharp.</summary>
    public GitTransport? GitTransport { get; init; }

    /// <summary>The recipe's settings with the <c>--set</c> overrides that name them.</summary>
    public IReadOnlyDictionary<string, string> Settings(Recipe recipe)
    {
        var settings = new Dictionary<string, string>(recipe.Settings);
        foreach (var (key, value) in SettingOverrides.Where(o => settings.ContainsKey(o.Key)))
            settings[key] = value;
        return settings;
    }

    /// <summary>The recipe's stack by <see cref="StackName"/>, or why it has none.</summary>
    public SelectedStack Stack(Recipe recipe) => StackSelection.Select(recipe, StackName);

    /// <summary>Why <paramref name="recipe"/>'s chain cannot run on the selected stack (<c>--stacks current</c> where it
    /// has none); null: it can. Its targets are skipped with this reason, in the plan and in the run.</summary>
    public string? Unavailable(Recipe recipe) =>
        Stack(recipe) is { Available: false } stack ? $"no {stack.Name} stack: {stack.Unavailable}" : null;

    /// <summary>The recipe as Patch, Setup and Train take it: its environment and patches those of the stack.</summary>
    public Recipe Applied(Recipe recipe) => Stack(recipe) is { Available: true } stack ? stack.ApplyTo(recipe) : recipe;

    /// <summary>With <c>--gpus 0</c> a run uses one device, the CPU, and the recipe's <c>cpu</c> images where it gives them.</summary>
    public int ImagesPerIteration(Recipe recipe) =>
        (OnCpu(recipe)?.Images ?? recipe.Images).PerIteration(Math.Max(1, Gpus), Settings(recipe));

    /// <summary>The recipe's CPU run when this one is on the CPU (<c>--gpus 0</c>); null otherwise, or when it has none.</summary>
    public CpuSpec? OnCpu(Recipe recipe) => Gpus == 0 ? recipe.Cpu : null;

    /// <summary>The recipe's source at the commit this run measures: <c>--pin</c>'s where it names the recipe.</summary>
    public SourceSpec Source(Recipe recipe) => Pin?.Source(recipe) ?? recipe.Source;

    public string Repository(Recipe recipe) => GitMirror is null ? recipe.Source.Repository : Path.Combine(GitMirror, recipe.Source.Mirror);

    /// <summary>The COCO folder recipes train on: the synthetic one, the one given, or a clear error.</summary>
    public string CocoDirectory(Workspace workspace) =>
        Coco == Synthetic
            ? workspace.SyntheticCoco
            : Coco
                ?? throw new ChainException(
                    "no dataset: give --coco DIR (COCO 2017, see README), or --coco synthetic for a smoke run on generated data"
                );

    /// <summary>What fills a recipe's <c>{placeholders}</c>: the build's values, then the recipe's settings.</summary>
    public IReadOnlyDictionary<string, string> PlaceholderValues(Recipe recipe, Workspace workspace, string output)
    {
        var values = new Dictionary<string, string>
        {
            ["gpus"] = Gpus.ToString(CultureInfo.InvariantCulture),
            ["output"] = output,
            ["coco"] = Coco is null ? "{coco}" : CocoDirectory(workspace),
            ["weights"] = workspace.Weights,
            ["window_skip"] = Window.Skip.ToString(CultureInfo.InvariantCulture),
            ["window_end"] = Window.End.ToString(CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in Settings(recipe))
            values[key] = value;
        return values;
    }

    public IReadOnlyList<string> TrainCommand(Recipe recipe, Workspace workspace, string output) =>
        Placeholders.Fill(
            [.. OnCpu(recipe)?.Command ?? recipe.Command, .. recipe.Stop.Arguments, .. OnCpu(recipe)?.Arguments ?? []],
            PlaceholderValues(recipe, workspace, output)
        );

    /// <summary>The provider's name as environments and manifests spell it.</summary>
    public string ProviderName => Provider.ToString().ToLowerInvariant();

    /// <summary>Setup's and Train's view of the environment provider.</summary>
    public EnvironmentOptions EnvironmentOptions(Workspace workspace) =>
        new(
            ProviderName,
            workspace.Root,
            Provider == Provider.Venv ? Python : null,
            StackOverrides,
            Engine: null,
            EngineVariables: new Dictionary<string, string>(),
            StateDirectory: workspace.State
        )
        {
            Wheelhouse = Wheelhouse ?? workspace.Wheelhouse,
        };
}
