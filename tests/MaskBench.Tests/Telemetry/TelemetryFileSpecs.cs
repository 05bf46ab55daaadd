using MaskBench.Tests.Snapshots;
using MaskBench.Tools.Telemetry;

namespace MaskBench.Tests.Telemetry;

public sealed class TelemetryFileSpecs : IDisposable
{
    readonly string path = Path.Combine(Path.GetTempPath(), $"maskbench-telemetry-{Guid.NewGuid():N}.tsv");

    public void Dispose() => File.Delete(path);

    [Fact]
    public void The_telemetry_file_holds_a_header_one_row_per_sample_and_one_hash_row_per_event_and_reads_back()
    {
        // Arrange
        TelemetryEvent[] events =
        [
            new(0.0125, TelemetryEvent.Started, "interval_ms=1000 reasons=clocks_event_reasons program=nvidia-smi"),
            new(
                3.5,
                TelemetryEvent.Vanished,
                "nvidia-smi exited with code 15: Unable to determine the device handle for GPU0000:3B:00.0: Unknown Error"
            ),
        ];
        GpuSample[] samples =
        [
            new(1.001, 1.0042, 0, "GPU-0a", 1530, 1530, 250.5, 300, 65, 100, ClockEventReasons.None),
            new(
                1.001,
                1.0044,
                1,
                "GPU-1b",
                1245,
                1530,
                null,
                300,
                89,
                100,
                ClockEventReasons.SwPowerCap | ClockEventReasons.SwThermalSlowdown
            ),
            new(2.002, 2.0051, 0, "GPU-0a", null, null, null, null, null, null, null),
        ];
        var lines = new[] { TelemetryFile.Header, TelemetryFile.Row(events[0]) }
            .Concat(samples.Select(TelemetryFile.Row))
            .Append(TelemetryFile.Row(events[1]));
        var text = string.Join("\n", lines) + "\n";
        File.WriteAllText(path, text);

        // Act
        var log = TelemetryFile.Read(path);

        // Assert
        Snapshot.Match("telemetry", text, "tsv");
        Assert.Equal(samples, log.Samples);
        Assert.Equal(events, log.Events);
        Assert.Equal(1.0, log.Interval);
        Assert.Equal(3.5, log.Vanished!.Seconds);
    }
}
