using System.Diagnostics;
using System.Globalization;
using MaskBench.Telemetry;
using Xunit.Abstractions;

namespace MaskBench.Tests.Telemetry;

/// <summary>
/// What sampling costs, measured rather than asserted (a figure for the README, not a pass/fail line): 40 s of 1 Hz
/// sampling of 8 stand-in GPUs (the first 20 s and the next 20 s apart) after 20 s without (the baseline), this process's CPU time (Process.TotalProcessorTime) and the children's (the
/// stand-in and what it ran, reaped: /proc/self/stat cutime+cstime). Runs only with MASKBENCH_MEASURE=1, through
/// tests/MaskBench.Tests/Telemetry/measure-sampler-cost.sh; otherwise it returns at once.
/// </summary>
public sealed class SamplerCostSpecs(ITestOutputHelper output)
{
    [Fact]
    public async Task Sampling_costs_this_much_CPU()
    {
        if (Environment.GetEnvironmentVariable("MASKBENCH_MEASURE") != "1")
            return;

        // Arrange
        using var standIn = new StandIn("clean", gpus: 8);
        var folder = standIn.RunFolder;
        var clock = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(10)); // let the test host settle (tiered JIT, discovery)
        var idle = await OwnCpuAsync(TimeSpan.FromSeconds(20));

        // Act: the first 20 s (the sampler's code is compiled as it first runs), then 20 s of steady state
        double first,
            steady,
            childCpu,
            wall;
        await using (var sampler = await GpuSampler.StartAsync(folder, clock, new SamplerOptions(NvidiaSmi: standIn.Program)))
        {
            var children = ChildrenSeconds();
            first = await OwnCpuAsync(TimeSpan.FromSeconds(20));
            var started = clock.Elapsed.TotalSeconds;
            steady = await OwnCpuAsync(TimeSpan.FromSeconds(20));
            wall = clock.Elapsed.TotalSeconds - started;
            await sampler.StopAsync();
            childCpu = ChildrenSeconds() - children;
        }

        // Assert
        var samples = TelemetryFile.Read(Path.Combine(folder, TelemetryFile.Name)).Samples.Count;
        Assert.InRange(samples, 8 * 36, 8 * 45);
        output.WriteLine(
            string.Create(
                CultureInfo.InvariantCulture,
                $"sampler, 8 GPUs at 1 Hz: {samples} samples; this process {100 * steady / wall:0.00} % of a core in steady state, {100 * first / 20:0.00} % over the first 20 s (idle without the sampler: {100 * idle / 20:0.00} %); the stand-in nvidia-smi and its children {100 * childCpu / 40:0.00} %"
            )
        );
    }

    static async Task<double> OwnCpuAsync(TimeSpan span)
    {
        var before = Process.GetCurrentProcess().TotalProcessorTime;
        await Task.Delay(span);
        return (Process.GetCurrentProcess().TotalProcessorTime - before).TotalSeconds;
    }

    /// <summary>User and system time of this process's reaped children, from /proc/self/stat (fields 16 and 17).</summary>
    static double ChildrenSeconds()
    {
        var stat = File.ReadAllText("/proc/self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture);
        return ticks / 100.0;
    }
}
