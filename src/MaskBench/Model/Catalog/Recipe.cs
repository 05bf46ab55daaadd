using MaskBench.Foundation.Text;

namespace MaskBench.Model.Catalog;

/// <summary>One implementation of the comparison, as data: where its source is, how to patch, set up,
/// train and stop it, and how to read its speed off the log.</summary>
internal sealed record Recipe(
    string Id,
    string Name,
    string Framework,
    double? Published,
    SourceSpec Source,
    IReadOnlyList<PatchSpec> Patches,
    EnvironmentSpec Environment,
    IReadOnlyDictionary<string, string> Variables,
    string WorkingDirectory,
    IReadOnlyList<string> Command,
    IReadOnlyDictionary<string, string> Settings,
    StopSpec Stop,
    ImagesSpec Images,
    LogSpec Log,
    DataSpec Data,
    IReadOnlyList<WeightSpec> Weights,
    IReadOnlyList<FailureSpec> Failures,
    int FullScheduleIterations,
    IReadOnlyList<string> Notes
)
{
    /// <summary>The id in PascalCase, as used in target names: <c>maskrcnn-benchmark</c> becomes <c>MaskrcnnBenchmark</c>.</summary>
    public string TargetSuffix => Naming.PascalCase(Id);

    /// <summary>Images per iteration with the recipe's own settings; the build passes its <c>--set</c> overrides to <see cref="ImagesSpec.PerIteration"/>.</summary>
    public int ImagesPerIteration(int gpus) => Images.PerIteration(gpus, Settings);

    /// <summary>Where the recipe was read from, for error messages.</summary>
    [Newtonsoft.Json.JsonIgnore]
    public string File { get; init; } = "";

    /// <summary>The git tree hash the source must have after patching (<c>"patchedTree"</c>, top level, 40 hex digits),
    /// as <c>git add -A; git write-tree</c> gives it; <c>Patch-&lt;Id&gt;</c> fails when the tree comes out otherwise.</summary>
    public string? PatchedTree { get; init; }

    /// <summary>How it trains with <c>--gpus 0</c>; null: as on a GPU.</summary>
    public CpuSpec? Cpu { get; init; }

    /// <summary>The stacks it can be built on, by name (<c>page</c>, <c>current</c>); see <see cref="StackSelection"/>.</summary>
    public IReadOnlyDictionary<string, StackSpec> Stacks { get; init; } = new Dictionary<string, StackSpec>();
}

/// <param name="Repository">Git URL, or a path relative to the MaskBench root.</param>
/// <param name="Pin">Commit, full or abbreviated.</param>
/// <param name="Reference">The tag or branch the pin is known by, for people; never used to resolve.</param>
/// <param name="Mirror">Path of the repository under <c>--git-mirror</c>: <c>owner/name</c>.</param>
internal sealed record SourceSpec(string Repository, string Pin, string? Reference, string Mirror);

/// <param name="Kind"><c>diff</c> (a unified diff in <c>patches/&lt;id&gt;/</c>) or <c>substitute</c> (a literal replacement over files matching a glob).</param>
internal sealed record PatchSpec(string Kind, string? File, string? Glob, string? From, string? To);

/// <param name="Recipe">The environment recipe file (a Dockerfile), relative to the MaskBench root.</param>
/// <param name="Stack">Versions of the software stack; build arguments of the recipe, overridable.</param>
/// <param name="Build">Commands that compile the implementation's extensions from the patched source.</param>
internal sealed record EnvironmentSpec(string? Recipe, IReadOnlyDictionary<string, string> Stack, IReadOnlyList<string> Build)
{
    /// <summary>Debian packages the venv provider needs from Debian's own interpreter (<c>/usr/bin/python3</c>), e.g.
    /// <c>python3-torchvision</c>: Setup installs them when it runs as root, or says the one command to run.</summary>
    public IReadOnlyList<string> DebianPackages { get; init; } = [];

    /// <summary>The base image Setup builds before this environment: the selected stack's <c>base</c>
    /// (<see cref="SelectedStack.ApplyTo"/> sets it), never written under <c>environment</c> itself.</summary>
    [Newtonsoft.Json.JsonIgnore]
    public BaseImageSpec? Base { get; init; }

    /// <summary>The wheels file (<c>name==version owner/repo@commit[:subdir]</c> per line) of the Python packages the
    /// Dockerfile installs from the <c>wheelhouse</c> build context; null: none. See <c>Wheelhouse</c>.</summary>
    public string? Wheels { get; init; }
}

/// <summary>A CPU run (<c>--gpus 0</c>): arguments appended to the command after the stop rule's, and the images per
/// iteration they give; small batch and image sizes, as recipe settings that <c>--set</c> changes.</summary>
/// <param name="Initialisation">How the arguments start the model where weights are absent (e.g. <c>random: MODEL.WEIGHTS ""</c>):
/// given, the weights are not fetched for a CPU run and its manifest says so; null: the weights are fetched as on a GPU.</param>
internal sealed record CpuSpec(IReadOnlyList<string> Arguments, ImagesSpec? Images, string? Initialisation)
{
    /// <summary>The command a CPU run starts instead of <see cref="Recipe.Command"/>, where the page's launcher cannot run
    /// without GPUs (<c>torch.distributed.launch --nproc_per_node=0</c>); null: the recipe's command.</summary>
    public IReadOnlyList<string>? Command { get; init; }
}

/// <param name="Mode"><c>cap</c>: the implementation stops itself with <see cref="Arguments"/>; <c>watch</c>: MaskBench stops it once the parsed log has the window.</param>
internal sealed record StopSpec(string Mode, IReadOnlyList<string> Arguments, string Explanation);

/// <summary>Images per iteration: a global batch, a batch per GPU, or the value of one of the recipe's settings.</summary>
internal sealed record ImagesSpec(int? Global, int? PerGpu, string? Setting = null)
{
    public int PerIteration(int gpus, IReadOnlyDictionary<string, string>? settings = null) =>
        Setting is not null
            ? MaskBench.Foundation.Text.WholeNumber.TryParse(
                (
                    settings
                    ?? throw new InvalidOperationException($"images per iteration come from the setting '{Setting}': pass the settings")
                )[Setting],
                out int images
            )
                ? images
                : throw new InvalidOperationException(
                    $"the setting '{Setting}' = '{settings[Setting]}' is no whole number: the settings check refuses it first"
                )
            : Global ?? PerGpu!.Value * gpus;
}

/// <param name="Format">The parser: one of the known log formats.</param>
/// <param name="Stream"><c>stdout</c>, <c>stderr</c> or <c>both</c>: where the lines the parser reads are printed.</param>
/// <param name="PreciseFile">A file the implementation writes that is more precise than the console, as a glob under the run's output folder.</param>
internal sealed record LogSpec(string Format, string Stream, string? PreciseFile, string TimeMeaning, string Formula);

/// <param name="Year">The COCO release the recipe trains on: 2017 or 2014.</param>
/// <param name="Required">Paths relative to the COCO folder that must exist.</param>
/// <param name="Links">Symlinks to make inside the source tree: path in the tree to a path under the COCO folder.</param>
/// <param name="Prepare">A preprocessing command run once in the environment, before training.</param>
internal sealed record DataSpec(
    string Year,
    IReadOnlyList<string> Required,
    IReadOnlyDictionary<string, string> Links,
    IReadOnlyList<string> Prepare
);

/// <param name="Path">Where the implementation looks for the file, relative to the source tree or <c>~</c>.</param>
internal sealed record WeightSpec(string Name, string? Url, string? Sha256, string Path);

/// <param name="Kind">oom, nan, data, import, crash, …: what the matched line means.</param>
internal sealed record FailureSpec(string Kind, string Pattern);
