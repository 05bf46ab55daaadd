using MaskBench.Engine;
using MaskBench.Tools.Telemetry;

namespace MaskBench.Stages.Train;

/// <summary>Trains on the machine that runs the build.</summary>
internal sealed class LocalExecutor : IExecutor
{
    public string Where => "here";

    public (string Pool, int Capacity)? Elsewhere => null;

    public void Declare(FingerprintBuilder inputs, TrainJob job) { }

    public Task TrainAsync(TrainJob job, CancellationToken cancellation) => TrainJobRunner.RunAsync(job, cancellation);

    public Task<GpuFacts?> GpusAsync(int gpus, string folder, CancellationToken cancellation) => MachineFacts.GpusAsync(cancellation);
}
