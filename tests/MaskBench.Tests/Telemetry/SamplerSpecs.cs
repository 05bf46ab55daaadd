using System.Diagnostics;
using MaskBench.Tools.Telemetry;

namespace MaskBench.Tests.Telemetry;

public sealed class SamplerSpecs
{
    static readonly SamplerOptions Fast = new(IntervalMs: 200);

    /// <summary>Samples a scenario (<see cref="StandIn.SampleAsync"/>) and judges the whole sampled time as the window.</summary>
    static async Task<(TelemetryLog Log, TelemetrySummary Summary, GpuVerdict Verdict)> SampleAsync(string scenario, int after = 3)
    {
        using var standIn = new StandIn(scenario, after);
        var (summary, log, from, until) = await standIn.SampleAsync(standIn.RunFolder, Fast, Rows);
        return (log, summary, GpuVerdict.Of(log, from, until));
    }

    /// <summary>Six rows span the scenarios' changes (they change after three).</summary>
    const int Rows = 6;

    [Theory]
    [InlineData("clean", GpuVerdict.Clean)]
    [InlineData("power-capped", GpuVerdict.PowerCapped)]
    [InlineData("thermal", GpuVerdict.Thermal)]
    [InlineData("clocks-differ", GpuVerdict.ClocksDiffer)]
    [InlineData("old-names", GpuVerdict.Clean)]
    public async Task A_run_gets_the_GPU_verdict_of_its_scenario(string scenario, string outcome)
    {
        // Act
        var (log, summary, verdict) = await SampleAsync(scenario);

        // Assert
        Assert.Equal(outcome, verdict.Outcome);
        Assert.StartsWith(outcome + ":", verdict.Sentence);
        Assert.Null(summary.Problem);
        Assert.True(log.Samples.Count >= 2 * Rows, $"{log.Samples.Count} samples, fewer than the {2 * Rows} waited for");
        Assert.Equal(summary.Samples, log.Samples.Count);
    }

    [Fact]
    public async Task A_thermal_slowdown_names_its_reason_and_GPU()
    {
        // Act
        var (_, _, verdict) = await SampleAsync("thermal");

        // Assert
        Assert.Contains("SwThermalSlowdown on GPU 0", verdict.Sentence);
    }

    [Fact]
    public async Task A_driver_that_knows_only_the_old_names_is_sampled_with_them()
    {
        // Act
        var (log, _, _) = await SampleAsync("old-names");

        // Assert
        Assert.Contains("reasons=clocks_throttle_reasons", log.Events.Single(e => e.Kind == TelemetryEvent.Started).Text);
        Assert.All(log.Samples, s => Assert.Equal(ClockEventReasons.None, s.Reasons));
    }

    [Fact]
    public async Task Fields_the_driver_does_not_report_are_missing_not_zero()
    {
        // Act
        var (log, _, verdict) = await SampleAsync("not-supported");

        // Assert
        Assert.All(log.Samples, s => Assert.Null(s.PowerDraw));
        Assert.All(log.Samples, s => Assert.Null(s.Reasons));
        Assert.Equal(GpuVerdict.Clean, verdict.Outcome);
        Assert.Contains("reports no clock reasons", verdict.Sentence);
    }

    [Fact]
    public async Task Telemetry_that_vanishes_mid_run_is_recorded_and_leaves_the_rest_unknown()
    {
        // Act
        var (log, summary, verdict) = await SampleAsync("vanishing");

        // Assert
        Assert.NotNull(summary.VanishedAt);
        Assert.Contains("Unable to determine the device handle", log.Vanished!.Text);
        Assert.Contains("exited with code 15", log.Vanished.Text);
        Assert.Equal(GpuVerdict.Unknown, verdict.Outcome);
        Assert.Contains("nvidia-smi exited at", verdict.Sentence);
        Assert.StartsWith("GPU telemetry stopped at", summary.Problem);
    }

    [Fact]
    public async Task No_driver_means_no_telemetry_and_an_unknown_verdict_without_a_crash()
    {
        // Act
        var (log, summary, verdict) = await SampleAsync("absent");

        // Assert
        Assert.Empty(log.Samples);
        Assert.Contains("NVIDIA-SMI has failed", summary.Problem);
        Assert.Equal(GpuVerdict.Unknown, verdict.Outcome);
    }

    [Fact]
    public async Task No_nvidia_smi_at_all_is_one_line_in_the_file()
    {
        // Arrange
        using var standIn = new StandIn("idle");
        var folder = standIn.RunFolder;

        // Act
        await using var sampler = await GpuSampler.StartAsync(
            folder,
            Stopwatch.StartNew(),
            Fast with
            {
                NvidiaSmi = "/nonexistent/nvidia-smi",
            }
        );
        var summary = await sampler.StopAsync();

        // Assert
        Assert.Contains("not installed or cannot start", summary.Problem);
        Assert.Equal(GpuVerdict.Unknown, GpuVerdict.FromFolder(folder, 0, 10).Outcome);
    }

    [Fact]
    public async Task Samples_are_placed_on_the_run_s_clock_no_later_than_they_arrived()
    {
        // Act
        var (log, _, _) = await SampleAsync("clean");

        // Assert
        Assert.All(log.Samples, s => Assert.InRange(s.Arrived - s.Seconds, -0.05, 30.0));
        Assert.Equal([0, 1], log.Samples.Select(s => s.Index).Distinct().Order());
    }
}
