using MaskBench.Tools.Telemetry;

namespace MaskBench.Tests.Telemetry;

public sealed class VerdictWindowSpecs
{
    /// <summary>Two GPUs sampled once a second from 0 to 100 s; <paramref name="change"/> alters chosen samples.</summary>
    static TelemetryLog Log(Func<GpuSample, GpuSample>? change = null, double until = 100)
    {
        var samples = new List<GpuSample>();
        for (var t = 0; t <= until; t++)
        for (var gpu = 0; gpu < 2; gpu++)
            samples.Add(
                (change ?? (s => s))(new GpuSample(t, t + 0.01, gpu, $"GPU-{gpu}", 1530, 1530, 250, 300, 65, 100, ClockEventReasons.None))
            );
        return new TelemetryLog(
            samples,
            [new TelemetryEvent(0, TelemetryEvent.Started, "interval_ms=1000 reasons=clocks_event_reasons")],
            1
        );
    }

    [Fact]
    public void A_thermal_burst_before_the_window_does_not_count_one_inside_does()
    {
        // Arrange: GPU 1 in HW thermal slowdown from 10 to 15 s
        var log = Log(s => s.Index == 1 && s.Seconds is >= 10 and <= 15 ? s with { Reasons = ClockEventReasons.HwThermalSlowdown } : s);

        // Act
        var before = GpuVerdict.Of(log, 20, 90);
        var inside = GpuVerdict.Of(log, 5, 90);

        // Assert
        Assert.Equal(GpuVerdict.Clean, before.Outcome);
        Assert.Equal(GpuVerdict.Thermal, inside.Outcome);
        Assert.Contains("HwThermalSlowdown on GPU 1", inside.Sentence);
        Assert.False(inside.CountsByDefault);
    }

    [Fact]
    public void Draw_at_the_power_limit_is_a_power_cap_even_without_the_reason_bit()
    {
        // Arrange
        var log = Log(s => s with { PowerDraw = 299.5 });

        // Act
        var verdict = GpuVerdict.Of(log, 10, 90);

        // Assert
        Assert.Equal(GpuVerdict.PowerCapped, verdict.Outcome);
        Assert.True(verdict.CountsByDefault);
    }

    [Fact]
    public void A_clock_that_sags_across_the_window_differs()
    {
        // Arrange: both GPUs from 1530 MHz down to 1300 MHz after 60 s
        var log = Log(s => s.Seconds > 60 ? s with { SmClock = 1300 } : s);

        // Act
        var verdict = GpuVerdict.Of(log, 0, 100);

        // Assert
        Assert.Equal(GpuVerdict.ClocksDiffer, verdict.Outcome);
        Assert.Contains("from 1530 to 1300 MHz", verdict.Sentence);
    }

    [Fact]
    public void Telemetry_that_ends_before_most_of_the_window_leaves_it_unknown()
    {
        // Arrange: samples stop at 30 s of a 0-100 s window
        var log = Log(until: 30);

        // Act
        var verdict = GpuVerdict.Of(log, 0, 100);

        // Assert
        Assert.Equal(GpuVerdict.Unknown, verdict.Outcome);
        Assert.InRange(verdict.Coverage, 0.30, 0.33);
    }

    [Fact]
    public void A_window_shorter_than_the_sampling_interval_is_still_covered()
    {
        // Act
        var verdict = GpuVerdict.Of(Log(), 40.2, 40.7);

        // Assert
        Assert.Equal(GpuVerdict.Clean, verdict.Outcome);
        Assert.Equal(1, verdict.Coverage);
    }

    [Theory]
    [InlineData("0x0000000000000004", ClockEventReasons.SwPowerCap)]
    [InlineData("0x0000000000000060", ClockEventReasons.SwThermalSlowdown | ClockEventReasons.HwThermalSlowdown)]
    [InlineData("0x0000000000000001", ClockEventReasons.GpuIdle)]
    [InlineData("[Not Supported]", null)]
    [InlineData("[N/A]", null)]
    public void The_reasons_bitmask_is_decoded_as_NVML_documents_it(string text, ClockEventReasons? reasons)
    {
        // Act
        var sample = GpuSample.Parse(
            $"0, GPU-0, 2026/01/01 00:00:00.000, 1530, 1530, 250.00, 300.00, 65, 100, {text}",
            1,
            new SampleClock(DateTime.Now, 0)
        );

        // Assert
        Assert.Equal(reasons, sample!.Reasons);
    }

    [Fact]
    public void Runs_at_clocks_more_than_five_percent_apart_are_said_to_differ()
    {
        // Act
        var apart = ClockAgreement.Of([1530, 1525, 1380]);
        var together = ClockAgreement.Of([1530, 1525, null, 1500]);

        // Assert
        Assert.Equal("the runs' median SM clocks differ: 1380 to 1530 MHz (9.8 % apart, more than 5 %)", apart);
        Assert.Null(together);
    }

    [Fact]
    public void A_GPU_the_training_did_not_use_does_not_make_the_clocks_differ()
    {
        // Arrange: GPU 1 idles at 135 MHz throughout
        var log = Log(s => s.Index == 1 ? s with { SmClock = 135, Utilization = 0, Reasons = ClockEventReasons.GpuIdle } : s);

        // Act
        var verdict = GpuVerdict.Of(log, 10, 90);

        // Assert
        Assert.Equal(GpuVerdict.Clean, verdict.Outcome);
    }
}
