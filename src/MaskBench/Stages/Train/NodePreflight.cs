using MaskBench.Model.Catalog;
using MaskBench.Tools.Slurm;

namespace MaskBench.Stages.Train;

/// <summary>Preflight's GPU checks for a training that runs on another machine: Supervise runs them on the node, inside
/// the allocation, before the training starts. The same checks as a local preflight: GPUs with a driver, as many as
/// <c>--gpus</c>; idle (no process on the ones <c>CUDA_VISIBLE_DEVICES</c> names); a compute capability the stack has
/// code for; the container engine and its GPU runtime where the training runs in one. A refusal is one line.</summary>
internal static class NodePreflight
{
    public static async Task EnsureAsync(TrainJob job, CancellationToken cancellation)
    {
        var (workspace, settings, run) = job;
        var recipe = RecipeCatalog.Load(workspace.Recipes).Get(run.Implementation);
        var engine = job.Container?.Kind switch
        {
            null when settings.Provider != Provider.Venv => settings.EnvironmentOptions(workspace).EngineProgram,
            JobContainerKind.Podman => "podman",
            _ => null, // a venv, or pyxis and Apptainer, which bring the driver's libraries in themselves
        };
        var request = new PreflightRequest(settings.Gpus, engine, []) { Stacks = [new StackDemand(recipe.Id, settings.Stack(recipe))] };
        var problems = await Preflight.TrainingProblemsAsync(request, cancellation);
        if (problems.Count > 0)
            throw new ChainException(
                $"preflight on node {Environment.MachineName} refused the training, which did not start: {string.Join("; ", problems)}"
            );
    }
}
