using MaskBench.Model.Logs;
using MaskBench.Stages;

namespace MaskBench.Tests.Chain;

/// <summary>The settings of a plain <c>./build.sh Benchmark</c>: the page's window, 8 GPUs, 16 synthetic images, a 2 h
/// training timeout, the docker provider, nothing overridden.</summary>
static class PageSettings
{
    public static BenchmarkSettings Of(int repeats = 1, int seed = 1) =>
        new(
            Window.Page,
            8,
            null,
            16,
            TimeSpan.FromHours(2),
            Provider.Docker,
            null,
            new Dictionary<string, string>(),
            new Dictionary<string, string>(),
            null,
            null,
            repeats,
            seed
        );
}
