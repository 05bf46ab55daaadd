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
        inputs
            .Parameter(nameof(Provider), Provider)
            .Parameter(nameof(Stack), Stack)
            .Value("recipe stack", JsonConvert.SerializeObject(recipe.Environment.Stack))
            .Command(recipe.Environment.Build);
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
            .Value(
                "recipe run",
                JsonConvert.SerializeObject(
                    new
                    {
                        recipe.Data,
                        recipe.Weights,
                        recipe.Stop.Mode,
                        recipe.Log,
                        recipe.Failures,
                    }
                )
            )
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
}
