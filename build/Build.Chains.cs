using MaskBench.Catalog;
using MaskBench.Engine;
using MaskBench.Git;
using MaskBench.Parsing;
using Newtonsoft.Json;

namespace MaskBench.Build;

partial class Build
{
    Target ChainTarget(Stage stage, Recipe recipe) =>
        stage switch
        {
            Stage.Clone => _ =>
                _.Description(Chain.Description(stage, recipe))
                    .Unlisted()
                    .Inputs(i => i.Value("repository", Repository(recipe)).Value("pin", recipe.Source.Pin))
                    .Produces(new TargetOutput($"{recipe.Id}/source at the pin", () => CheckedOutCommit(recipe)))
                    .Executes(() => CloneSource(recipe)),
            Stage.Patch => _ =>
                _.Description(Chain.Description(stage, recipe))
                    .Unlisted()
                    .DependsOn(Chain.Name(Stage.Clone, recipe))
                    .Inputs(i =>
                        i.Value("patches", JsonConvert.SerializeObject(recipe.Patches))
                            .Files(Path.Combine(RootDirectory, "patches", recipe.Id))
                    )
                    .Produces(TargetOutput.File(PatchReport(recipe)))
                    .Executes(() => PatchSource(recipe)),
            Stage.Setup => _ =>
                _.Description(Chain.Description(stage, recipe))
                    .Unlisted()
                    .DependsOn(Chain.Name(Stage.Patch, recipe))
                    .Inputs(i => SetupInputs(i, recipe))
                    .Produces(TargetOutput.File(EnvironmentRecord(recipe)))
                    .Executes(() => SetupEnvironment(recipe)),
            Stage.Train => _ =>
                _.Description(Chain.Description(stage, recipe))
                    .Unlisted()
                    .DependsOn([Chain.Name(Stage.Setup, recipe), .. Coco == SyntheticCoco ? [nameof(Data)] : Array.Empty<string>()])
                    .Inputs(i => TrainInputs(i, recipe))
                    .Produces(TargetOutput.File(RunFile(recipe, "train.log")), TargetOutput.File(RunFile(recipe, "manifest.json")))
                    .Executes(() => TrainModel(recipe)),
            _ => _ =>
                _.Description(Chain.Description(stage, recipe))
                    .Unlisted()
                    .DependsOn(Chain.Name(Stage.Train, recipe))
                    .Inputs(i => ParseInputs(i, recipe))
                    .Produces(TargetOutput.File(RunFile(recipe, "result.json")))
                    .Executes(() => ParseLog(recipe)),
        };

    Window Window => new(WindowSkip, WindowEnd);

    string Source(Recipe recipe) => GitSource.SourceDirectory(WorkDirectory, recipe.Id);

    string PatchReport(Recipe recipe) => Path.Combine(WorkDirectory, recipe.Id, "patch-report.json");

    string EnvironmentRecord(Recipe recipe) => Path.Combine(WorkDirectory, recipe.Id, "environment.json");

    string RunFolder(Recipe recipe) => Path.Combine(ArtifactsDirectory, "runs", recipe.Id);

    string RunFile(Recipe recipe, string name) => Path.Combine(RunFolder(recipe), name);

    string Repository(Recipe recipe) =>
        GitMirror is null ? recipe.Source.Repository : Path.Combine(Resolve(GitMirror), recipe.Source.Mirror);

    string? CheckedOutCommit(Recipe recipe) => GitSource.ReadClonedCommit(Source(recipe));

    void SetupInputs(FingerprintBuilder inputs, Recipe recipe)
    {
        inputs.Parameter(nameof(Provider), Provider).Parameter(nameof(Stack), Stack).Command(recipe.Environment.Build);
        if (Provider == Provider.Venv)
            inputs.Parameter(nameof(Python), Python);
        else
            inputs.Parameter(nameof(ContainerEngine), ContainerEngine);
        if (recipe.Environment.Recipe is { } file)
            inputs.File(Path.Combine(RootDirectory, file));
    }

    void TrainInputs(FingerprintBuilder inputs, Recipe recipe) =>
        inputs
            .Command(TrainCommand(recipe, output: "{output}"))
            .Value("environment variables", JsonConvert.SerializeObject(recipe.Variables))
            .Value("working directory", recipe.WorkingDirectory)
            .Parameter(nameof(Gpus), Gpus)
            .Parameter(nameof(WindowSkip), WindowSkip)
            .Parameter(nameof(WindowEnd), WindowEnd)
            .Parameter(nameof(Coco), Coco is null or SyntheticCoco ? Coco : Resolve(Coco));

    void ParseInputs(FingerprintBuilder inputs, Recipe recipe) =>
        inputs
            .Value("log format", recipe.Log.Format)
            .Value("images per iteration", ImagesPerIteration(recipe).ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Value("parser version", LogFormats.Get(recipe.Log.Format).Version.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Value("failure patterns", JsonConvert.SerializeObject(recipe.Failures))
            .Parameter(nameof(WindowSkip), WindowSkip)
            .Parameter(nameof(WindowEnd), WindowEnd);

    IReadOnlyList<string> TrainCommand(Recipe recipe, string output) =>
        Placeholders.Fill(recipe.Command.Concat(recipe.Stop.Arguments), PlaceholderValues(recipe, output));

    /// <summary>What fills a recipe's <c>{placeholders}</c>: the build's values, then the recipe's settings with <c>--set</c> applied.</summary>
    IReadOnlyDictionary<string, string> PlaceholderValues(Recipe recipe, string output)
    {
        var values = new Dictionary<string, string>
        {
            ["gpus"] = Gpus.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["output"] = output,
            ["coco"] = Coco is null ? "{coco}" : CocoDirectory,
            ["weights"] = WeightsDirectory,
            ["window_skip"] = WindowSkip.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["window_end"] = WindowEnd.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in Settings(recipe))
            values[key] = value;
        return values;
    }

    /// <summary>The recipe's settings with the <c>--set key=value</c> overrides that name them.</summary>
    IReadOnlyDictionary<string, string> Settings(Recipe recipe)
    {
        var settings = new Dictionary<string, string>(recipe.Settings);
        foreach (var (key, value) in SettingOverrides.Where(o => settings.ContainsKey(o.Key)))
            settings[key] = value;
        return settings;
    }

    IReadOnlyDictionary<string, string> SettingOverrides =>
        Set.Select(pair => pair.Split('=', 2))
            .ToDictionary(
                parts => parts.Length == 2 ? parts[0] : throw new BuildException($"--set '{parts[0]}' is not key=value"),
                parts => parts[1]
            );
}
