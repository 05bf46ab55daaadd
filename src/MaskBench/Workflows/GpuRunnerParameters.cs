using MaskBench.Engine;

namespace MaskBench.Workflows;

/// <summary>The self-hosted GPU runner <c>Generate</c> writes benchmark.yml and bisect.yml for (<c>--gpu-runner-*</c>; set
/// them in <c>.nuke/parameters.json</c>, so that <c>Generate --check</c> agrees).</summary>
internal sealed class GpuRunnerParameters
{
    [Parameter(
        "Generate: the labels of the self-hosted GPU runner benchmark.yml and bisect.yml run on (set in .nuke/parameters.json). Default: self-hosted linux gpu"
    )]
    readonly string[] Labels = ["self-hosted", "linux", "gpu"];

    [Parameter(
        "Generate: build arguments every benchmark and bisect on that runner takes, e.g. [\"--coco\", \"/data/coco\"] in .nuke/parameters.json. Default: --coco /data/coco"
    )]
    readonly string[] Arguments = ["--coco", "/data/coco"];

    /// <summary>The runner, with a day for a job: a benchmark of every implementation on one machine.</summary>
    public GpuRunner Runner => new(Labels, Arguments, TimeoutMinutes: 1440);
}
