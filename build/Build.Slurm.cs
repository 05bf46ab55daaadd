using MaskBench.Benchmark;
using MaskBench.Benchmark.Parameters;
using MaskBench.Engine;
using MaskBench.Stages;

namespace MaskBench.Build;

/// <summary>Where trainings run, and what a Slurm cluster is asked for (<c>--slurm-*</c>, <see cref="SlurmParameters"/>).</summary>
partial class Build
{
    [Parameter("Where Train runs: local, or slurm (one batch job per training, all in flight at once). Default: local")]
    readonly ExecutorKind Executor = ExecutorKind.Local;

    [ParameterGroup("Slurm")]
    readonly SlurmParameters Slurm = new();

    protected override string PlanNotes(IReadOnlyList<string> targetsToRun) => Executors.PlanNotes(Context, Chain, targetsToRun);

    IExecutor MakeExecutor(string work) => Slurm.Executor(Executor, work, Path.Combine(AppContext.BaseDirectory, "_build.dll"));
}
