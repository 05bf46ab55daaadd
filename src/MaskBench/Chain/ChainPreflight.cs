using MaskBench.Environments;
using MaskBench.Running;

namespace MaskBench.Chain;

/// <summary>Before the first Setup or Train runs: GPUs, the container engine and its GPU runtime, free disk, and the
/// dataset of every Train to run; every problem at once, and nothing long has started.</summary>
public static class ChainPreflight
{
    public static async Task EnsureAsync(
        StageContext context,
        ChainTargets chain,
        IReadOnlyList<string> targetsToRun,
        CancellationToken cancellation
    )
    {
        var setups = chain.Running("Setup", targetsToRun);
        var trainings = chain.Running("Train", targetsToRun);
        if (setups.Count == 0 && trainings.Count == 0)
            return;
        var settings = context.Settings;
        var venv = settings.Provider == Provider.Venv;
        // Trainings elsewhere (Slurm) have their GPUs checked where they run, by Supervise on the node (NodePreflight).
        var here = context.Executor is LocalExecutor;
        var request = new PreflightRequest(
            trainings.Count > 0 && here ? settings.Gpus : 0,
            venv ? null : settings.EnvironmentOptions(context.Workspace).EngineProgram,
            [new DiskNeed(context.Workspace.Work, (venv ? 1L : 30L) << 30, "environments, checkpoints and outputs")]
        );
        if (here)
            request = request with
            {
                Stacks = [.. setups.Concat(trainings).Distinct().Select(r => new StackDemand(r.Id, settings.Stack(r)))],
            };
        var problems = (await TrainingProblemsAsync(request, cancellation)).ToList();
        if (settings.Coco != BenchmarkSettings.Synthetic) // the synthetic dataset is made by Data, which runs first
            foreach (var recipe in trainings)
                problems.AddRange(DataCheck.Problems(recipe, settings.Coco));
        if (problems.Count > 0)
            throw new ChainException(
                $"preflight found {problems.Count} problem{(problems.Count == 1 ? "" : "s")} before {string.Join(", ", targetsToRun)}:\n  - "
                    + string.Join("\n  - ", problems)
            );
    }

    /// <summary>The checks of <see cref="Preflight"/>, then, for a training on GPUs, that the GPUs it will see
    /// (<c>CUDA_VISIBLE_DEVICES</c>) are idle, naming the process that holds one: where the training runs, this host or
    /// the node of its job.</summary>
    internal static async Task<IReadOnlyList<string>> TrainingProblemsAsync(PreflightRequest request, CancellationToken cancellation)
    {
        var problems = (await Preflight.CheckAsync(request, cancellation)).ToList();
        if (
            request.Gpus > 0
            && await Telemetry.IdleCheck.RunAsync(
                Environment.GetEnvironmentVariable("CUDA_VISIBLE_DEVICES"),
                request.NvidiaSmi,
                cancellation: cancellation
            )
                is { Idle: false, Problem: { } busy }
        )
            problems.Add(busy);
        return problems;
    }
}
