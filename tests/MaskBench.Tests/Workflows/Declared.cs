using MaskBench.Workflows;

namespace MaskBench.Tests.Workflows;

/// <summary>The workflows as the specs declare them: a V100 runner with a COCO folder and podman.</summary>
static class Declared
{
    public static readonly GpuRunner Runner = new(
        ["self-hosted", "linux", "gpu-v100x8"],
        ["--coco", "/data/coco", "--provider", "podman"],
        1440
    );

    public static readonly BenchmarkWorkflow Benchmark = new(Runner, "0 2 * * 0", "benchmark", "benchmark-data", BaselineRuns: 10);

    public static readonly BisectWorkflow Bisect = new(Runner, ["Detectron2", "Mmdetection", "MaskrcnnBenchmark", "Torchvision"]);
}
