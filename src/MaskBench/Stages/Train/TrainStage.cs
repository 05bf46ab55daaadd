using MaskBench.Engine;
using MaskBench.Foundation.Files;
using MaskBench.Model;
using MaskBench.Model.Catalog;

namespace MaskBench.Stages.Train;

/// <summary>Trains until the window is complete, through the executor, keeping every line with its arrival time.</summary>
internal sealed class TrainStage(StageContext context) : ChainStage(context)
{
    /// <summary>The resource every training on one host takes: they run one at a time.</summary>
    public const string GpuHost = "gpu-host";

    public override string Verb => "Train";

    public override bool PerRun => true;

    /// <summary>Trainings on one host run one at a time: they would share its GPUs. On Slurm each job has its own node.</summary>
    public override IReadOnlyList<(string Name, int Capacity)> Resources => Context.Executor is LocalExecutor ? [(GpuHost, 1)] : [];

    /// <summary>On Slurm, every training of a sweep is in flight at once (up to <c>--slurm-max-jobs</c>): the build here
    /// only submits and polls, so the local <c>--jobs</c> does not bound them.</summary>
    public override (string Pool, int Capacity)? Elsewhere => Context.Executor.Elsewhere;

    public override string Description(Step step) =>
        $"Train {step.Recipe.Name} (run {step.Run.Repeat}) until the window is complete, logging every line";

    public override IReadOnlyList<string> DependsOn(Step step) =>
        Settings.Coco == BenchmarkSettings.Synthetic ? [step.Name("Setup"), StageNames.Data] : [step.Name("Setup")];

    /// <summary>What the training's result depends on. Prose (the formula, what times mean, notes) is not here: it
    /// changes the report, not the training.</summary>
    public override void Declare(FingerprintBuilder inputs, Step step)
    {
        Declare(inputs, Settings.Applied(step.Recipe));
        Context.Executor.Declare(inputs, new TrainJob(Workspace, Settings, step.Run));
    }

    void Declare(FingerprintBuilder inputs, Recipe recipe) =>
        inputs
            .Command(Settings.TrainCommand(recipe, Workspace, "{output}"))
            .Value("environment variables", JsonFiles.Fingerprint(recipe.Variables))
            .Value("working directory", recipe.WorkingDirectory)
            .Value(
                "recipe run",
                JsonFiles.Fingerprint(
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
            .Parameter("Stacks", Settings.StackName)
            .Parameter("Gpus", Settings.Gpus)
            .Parameter("WindowSkip", Settings.Window.Skip)
            .Parameter("WindowEnd", Settings.Window.End)
            .Parameter("Coco", Settings.Coco);

    public override IReadOnlyList<TargetOutput> Outputs(Step step) =>
        [TargetOutput.File(Workspace.RunFile(step.Run, RunFiles.Log)), TargetOutput.File(Workspace.RunFile(step.Run, RunFiles.Manifest))];

    protected override string LogOf(RunKey run) => Workspace.RunFile(run, RunFiles.Log);

    protected override Task Body(Step step, CancellationToken cancellation) =>
        Context.Executor.TrainAsync(new TrainJob(Workspace, Settings, step.Run), cancellation);
}
