using MaskBench.Stages;
using MaskBench.Stages.Train;
using MaskBench.Tools.Slurm;

namespace MaskBench.Benchmark;

/// <summary>Where trainings run (<c>--executor</c>), and what <c>--plan</c> says about it.</summary>
internal static class Executors
{
    /// <param name="dll">The build's program, for nodes with .NET (<see cref="PlacedBinary"/> says which a node runs).</param>
    /// <param name="maxJobs">Slurm: trainings in flight at once (<c>--slurm-max-jobs</c>); null: all of them.</param>
    public static IExecutor Of(ExecutorKind kind, SlurmSettings slurm, int attempts, string work, string dll, int? maxJobs) =>
        kind == ExecutorKind.Local
            ? new LocalExecutor()
            : new SlurmTrainExecutor(
                SlurmExecutor.Create(SlurmCommands.OnPath, work, retry: new RetryPolicy(attempts)),
                slurm,
                new Lazy<NodeProgram>(() => PlacedBinary.For(work, dll)), // placed when a job is first scripted, not at every start
                maxJobs ?? int.MaxValue
            );

    /// <summary>Where each stage runs; on Slurm, the batch script each training to run would submit.</summary>
    public static string PlanNotes(StageContext context, ChainTargets chain, IReadOnlyList<string> targetsToRun)
    {
        if (context.Executor is not SlurmTrainExecutor slurm)
            return $"\nWhere: every training {context.Executor.Where}, one at a time on this host (--executor local).\n";
        var train = chain.Stage("Train");
        return $"\nWhere: Clone, Patch, Setup, Parse and Aggregate here; preflight here checks the container engine, disk and data. Each Train is a Slurm job ({slurm.Where}) whose node runs Supervise: preflight's GPU checks there (count, idle, compute capability against the stack), then the training in {slurm.ContainerNote}.\n"
            + string.Concat(
                chain
                    .TrainingOrder.Where(step => targetsToRun.Contains(train.Name(step)))
                    .Select(step =>
                        $"\n{train.Name(step)} runs as a Slurm job ({slurm.Where}), submitting:\n{slurm.Script(new TrainJob(context.Workspace, context.Settings, step.Run))}"
                    )
            );
    }
}
