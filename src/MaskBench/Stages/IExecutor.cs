using MaskBench.Engine;
using MaskBench.Tools.Telemetry;

namespace MaskBench.Stages;

/// <summary>Where a training runs: on this machine, or (later) inside a Slurm allocation. The environment (which image
/// or interpreter) is a separate choice: an executor runs a <see cref="TrainJob"/> whatever its environment.</summary>
internal interface IExecutor
{
    /// <summary>For <c>--plan</c> and the log: "here", "slurm partition gpu".</summary>
    string Where { get; }

    /// <summary>Null: trainings run on this machine, and take its slots. Otherwise each is a job elsewhere, and this
    /// bounds how many are in flight at once (<c>--slurm-max-jobs</c>), whatever the local <c>--jobs</c>.</summary>
    (string Pool, int Capacity)? Elsewhere { get; }

    /// <summary>What a training's result depends on here besides the job (the batch script on Slurm).</summary>
    void Declare(FingerprintBuilder inputs, TrainJob job);

    /// <summary>Runs the training to the end of its window and leaves the run folder and its record in place; a failure
    /// throws a <see cref="ChainException"/> whose message is one line.</summary>
    Task TrainAsync(TrainJob job, CancellationToken cancellation);

    /// <summary>The GPUs a training with <paramref name="gpus"/> GPUs gets: this machine's here; on Slurm a node's of the
    /// partition, read by a short job with the training's resources (<paramref name="folder"/> holds its files). Null when
    /// there are none to read (no driver).</summary>
    Task<GpuFacts?> GpusAsync(int gpus, string folder, CancellationToken cancellation);
}
