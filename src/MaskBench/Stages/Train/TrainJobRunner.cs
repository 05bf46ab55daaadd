using System.Globalization;
using MaskBench.Foundation.Files;
using MaskBench.Foundation.Text;
using MaskBench.Model;
using MaskBench.Model.Catalog;
using MaskBench.Model.Logs;
using MaskBench.Model.Records;
using MaskBench.Tools.Environments;
using MaskBench.Tools.Telemetry;
using Serilog;

namespace MaskBench.Stages.Train;

/// <summary>Runs one training where it is called (this machine, or the node of a job): checks the data, reopens the
/// environment Setup recorded, fetches weights, lays out the data, trains through the runner, and records the run.</summary>
internal static class TrainJobRunner
{
    public static async Task RunAsync(TrainJob job, CancellationToken cancellation)
    {
        var (workspace, settings, run) = job;
        var recipe = settings.Applied(RecipeCatalog.Load(workspace.Recipes).Get(run.Implementation));
        var source = workspace.Source(recipe.Id);
        var coco = settings.CocoDirectory(workspace);
        var directory = SourceTree.Inside(recipe.Id, source, recipe.WorkingDirectory, LastComponent.Followed, "field 'workingDirectory'");
        DataCheck.Ensure(recipe, coco);
        var options = settings.EnvironmentOptions(workspace);
        var environment = await TrainingEnvironment.OpenAsync(job, source, options, cancellation);
        if (settings.Gpus > 0)
        {
            var identity = environment.Identity;
            var gpus = await MachineFacts.CapabilitiesAsync("nvidia-smi", cancellation) ?? [];
            var problems = Preflight.BuiltProblems(identity.Reference, identity.Architectures, identity.StandIns ?? [], gpus);
            if (problems.Count > 0)
                throw new ChainException($"{recipe.Id}: the training did not start: {string.Join("; ", problems)}");
        }
        if (settings.OnCpu(recipe)?.Initialisation is { } initialisation)
        {
            Directory.CreateDirectory(workspace.Weights); // mounted all the same
            Log.Information("{Id}: a CPU run starts from {Initialisation}: its weights are not fetched", recipe.Id, initialisation);
        }
        else
            await WeightsCache.EnsureAsync(recipe, workspace.Weights, source, cancellation: cancellation);
        // A training a killed build left running would share the GPUs and its output folder: stop it first.
        await LiveTrainings.StopLeftoversAsync(workspace.LiveTrainings, TimeSpan.FromSeconds(5));
        var output = OutputFolders.Fresh(workspace.Outputs(recipe.Id), run.Folder, workspace.LiveTrainings);
        var host = environment.Host(new HostRequest([coco, workspace.Weights, output], settings.Gpus));
        DataLayout.Link(recipe, source, coco);
        await DataLayout.PrepareAsync(recipe, host, source, coco, cancellation);

        var values = settings.PlaceholderValues(recipe, workspace, output);
        var images = settings.ImagesPerIteration(recipe);
        var process = new ProcessSpec(
            settings.TrainCommand(recipe, workspace, output),
            directory,
            recipe.Variables.ToDictionary(v => v.Key, v => Placeholders.Fill(v.Value, values))
        );
        var request = new TrainRequest(
            run.Name,
            process,
            host,
            LogFormats.Get(recipe.Log.Format).Watch(settings.Window, images),
            recipe.Log.Stream,
            StopPolicy.For(recipe.Stop.Mode),
            recipe.Failures,
            settings.Window,
            images,
            workspace.Run(run),
            output,
            recipe.Log.PreciseFile,
            settings.TrainTimeout,
            Facts(recipe, job, environment.Identity)
        )
        {
            BeforePublish = (folder, succeeded, summary) => Record(folder, run, workspace, succeeded, summary),
            LiveJournal = Path.Combine(workspace.LiveTrainings, run.Name + ".json"),
        };
        var outcome = await Trainer.TrainAsync(request, cancellation);
        if (!outcome.Succeeded)
        {
            Log.Error("{Message}", outcome.Message);
            throw new ChainException(ReasonText.OneLine(outcome.Message), recorded: true);
        }
    }

    /// <summary>The record goes into the staged folder, so the run folder and its record are replaced together.</summary>
    internal static void Record(string folder, RunKey run, Workspace workspace, bool succeeded, string summary) =>
        RunRecords.Write(
            Path.Combine(folder, RunFiles.Record),
            RunRecordOf.Make(
                run,
                succeeded ? RunRecord.Trained : "failed",
                "Train",
                succeeded ? null : ReasonText.OneLine(summary),
                workspace.RunFile(run, RunFiles.Log)
            )
        );

    /// <summary>What the run's manifest records beside what the runner reads itself.</summary>
    static Dictionary<string, string> Facts(Recipe recipe, TrainJob job, EnvironmentIdentity identity)
    {
        var (workspace, settings, run) = job;
        var patch = PatchRecord.Read(workspace.PatchRecord(recipe.Id)).Report;
        var facts = new Dictionary<string, string>(identity.Facts)
        {
            ["implementation"] = recipe.Id,
            ["repeat"] = run.Repeat.ToString(CultureInfo.InvariantCulture),
            ["repeats"] = settings.Repeats.ToString(CultureInfo.InvariantCulture),
            ["seed"] = settings.Seed.ToString(CultureInfo.InvariantCulture),
            ["repository"] = settings.Repository(recipe),
            ["commit"] = patch.BaseCommit,
            ["tree"] = patch.TreeHash,
            ["gpus"] = settings.Gpus.ToString(CultureInfo.InvariantCulture),
            ["window"] = settings.Window.ToString(),
            ["images per iteration"] = settings.ImagesPerIteration(recipe).ToString(CultureInfo.InvariantCulture),
            ["maskbench"] = MaskBenchVersion.Of(workspace.Root),
            ["stack"] = settings.StackName,
            ["weights"] = settings.OnCpu(recipe)?.Initialisation is { } start
                ? $"none: {start} (a CPU run)"
                : string.Join(", ", recipe.Weights.Select(w => w.Name).DefaultIfEmpty("none")),
        };
        facts["host"] = Environment.MachineName;
        if (job.Container is { } container)
            facts["job container"] = container.ToString();
        foreach (
            var (variable, key) in new[]
            {
                ("SLURM_JOB_ID", "slurm job"),
                ("SLURM_JOB_NODELIST", "slurm nodes"),
                ("CUDA_VISIBLE_DEVICES", "visible devices"),
            }
        )
            if (Environment.GetEnvironmentVariable(variable) is { } value)
                facts[key] = value;
        foreach (var (key, value) in settings.Settings(recipe))
            facts[$"setting {key}"] = value;
        return facts;
    }
}
