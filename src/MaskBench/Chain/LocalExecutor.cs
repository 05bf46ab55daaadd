using MaskBench.Engine;
using MaskBench.Running;

namespace MaskBench.Chain;

/// <summary>Trains on the machine that runs the build.</summary>
public sealed class LocalExecutor : IExecutor
{
    public string Where => "here";

    public void Declare(FingerprintBuilder inputs, TrainJob job) { }

    public Task TrainAsync(TrainJob job, CancellationToken cancellation) => TrainJobRunner.RunAsync(job, cancellation);

    public Task<GpuFacts?> GpusAsync(int gpus, string folder, CancellationToken cancellation) => MachineFacts.GpusAsync(cancellation);
}
