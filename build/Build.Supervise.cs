using MaskBench.Engine;
using MaskBench.Stages;
using MaskBench.Stages.Train;

namespace MaskBench.Build;

partial class Build
{
    [Parameter("Supervise: the training job (job.json) to run here, on the node an executor placed it on. Default: none")]
    readonly string? Job = null;

    /// <summary>What a Slurm job runs on its node: the training, supervised exactly as the local executor does.</summary>
    Target Supervise =>
        _ =>
            _.Description("Run one training job (--job job.json) here, as an executor's job does on its node")
                .Unlisted()
                .Executes(() =>
                    Supervisor.RunAsync(
                        Resolve(Job) ?? throw new ChainException("Supervise needs --job PATH, the job.json an executor wrote"),
                        Cancellation
                    )
                );
}
