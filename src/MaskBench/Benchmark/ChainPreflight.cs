using MaskBench.Stages;
using MaskBench.Stages.Train;
using MaskBench.Tools.Environments;

namespace MaskBench.Benchmark;

/// <summary>Before the first Setup or Train runs: GPUs, the container engine and its GPU runtime, free disk, and the
/// dataset of every Train to run; every problem at once, and nothing long has started.</summary>
internal static class ChainPreflight
{
    /// <param name="good">Bisect's <c>--good</c>, <paramref name="bad"/> its <c>--bad</c>: a Bisect or Track target to run
    /// brings the probe chain's Setup and Train into the check (<see cref="ProbedStages"/>).</param>
    public static async Task EnsureAsync(
        StageContext context,
        ChainTargets chain,
        IReadOnlyList<string> targetsToRun,
        string? good,
        string? bad,
        CancellationToken cancellation
    )
    {
        targetsToRun = [.. targetsToRun, .. ProbedStages.Of(context.Catalog.All, targetsToRun, good, bad)];
        var problems = await ProblemsAsync(context, chain, targetsToRun, cancellation);
        if (problems.Count > 0)
            throw new ChainException(
                $"preflight found {problems.Count} problem{(problems.Count == 1 ? "" : "s")} before {string.Join(", ", targetsToRun)}:\n  - "
                    + string.Join("\n  - ", problems)
            );
    }

    /// <summary>What would stop these targets before they start: what <c>--plan</c> lists.</summary>
    public static Task<IReadOnlyList<string>> ProblemsAsync(
        StageContext context,
        ChainTargets chain,
        IReadOnlyList<string> targetsToRun,
        string? good,
        string? bad,
        CancellationToken cancellation
    ) => ProblemsAsync(context, chain, [.. targetsToRun, .. ProbedStages.Of(context.Catalog.All, targetsToRun, good, bad)], cancellation);

    static async Task<IReadOnlyList<string>> ProblemsAsync(
        StageContext context,
        ChainTargets chain,
        IReadOnlyList<string> targetsToRun,
        CancellationToken cancellation
    )
    {
        var setups = chain.Running("Setup", targetsToRun);
        var trainings = chain.Running("Train", targetsToRun);
        if (setups.Count == 0 && trainings.Count == 0)
            return [];
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
        var problems = (await Preflight.TrainingProblemsAsync(request, cancellation)).ToList();
        if (settings.Coco != BenchmarkSettings.Synthetic) // the synthetic dataset is made by Data, which runs first
            foreach (var recipe in trainings)
                problems.AddRange(DataCheck.Problems(recipe, settings.Coco));
        return problems;
    }
}
