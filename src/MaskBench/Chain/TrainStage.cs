using MaskBench.Catalog;
using MaskBench.Engine;
using Newtonsoft.Json;

namespace MaskBench.Chain;

/// <summary>Trains until the window is complete, through the executor, keeping every line with its arrival time.</summary>
public sealed class TrainStage(StageContext context) : ChainStage(context)
{
    /// <summary>The resource every training on one host takes: they run one at a time.</summary>
    public const string GpuHost = "gpu-host";

    public override string Verb => "Train";

    public override string Description(Recipe recipe) => $"Train {recipe.Name} until the window is complete, logging every line";

    public override IReadOnlyList<string> DependsOn(Recipe recipe) =>
        Settings.Coco == BenchmarkSettings.Synthetic ? [$"Setup-{recipe.TargetSuffix}", DataStage.Name] : [$"Setup-{recipe.TargetSuffix}"];

    /// <summary>What the training's result depends on. Prose (the formula, what times mean, notes) is not here: it
    /// changes the report, not the training.</summary>
    public override void Declare(FingerprintBuilder inputs, Recipe recipe) =>
        inputs
            .Command(Settings.TrainCommand(recipe, Workspace, "{output}"))
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
                        recipe.Log.Format,
                        recipe.Log.Stream,
                        recipe.Log.PreciseFile,
                        recipe.Failures,
                    }
                )
            )
            .Value("executor", Context.Executor.Where)
            .Parameter("Gpus", Settings.Gpus)
            .Parameter("WindowSkip", Settings.Window.Skip)
            .Parameter("WindowEnd", Settings.Window.End)
            .Parameter("Coco", Settings.Coco);

    public override IReadOnlyList<TargetOutput> Outputs(Recipe recipe) =>
        [
            .. Context
                .Runs(recipe)
                .SelectMany(run =>
                    new[]
                    {
                        TargetOutput.File(Workspace.RunFile(run, Workspace.LogName)),
                        TargetOutput.File(Workspace.RunFile(run, Workspace.ManifestName)),
                    }
                ),
        ];

    protected override string LogOf(RunKey run) => Workspace.RunFile(run, Workspace.LogName);

    protected override async Task Body(Recipe recipe, CancellationToken cancellation)
    {
        foreach (var run in Context.Runs(recipe))
            await Context.Executor.TrainAsync(new TrainJob(Workspace, Settings, run), cancellation);
    }
}
