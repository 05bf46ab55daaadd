using MaskBench.Tools.Telemetry;

namespace MaskBench.Tests.Telemetry;

/// <summary>The stand-in <c>nvidia-smi</c> (tests/stand-ins/nvidia-smi) fixed to one scenario: a two-line wrapper
/// script per test, so tests running in parallel do not share an environment variable.</summary>
sealed class StandIn : IDisposable
{
    public static readonly string Script = Paths.Repository("tests", "stand-ins", "nvidia-smi");

    readonly string folder = Path.Combine(Path.GetTempPath(), "maskbench-smi-" + Guid.NewGuid().ToString("N"));

    readonly int gpus;

    public StandIn(string scenario, int after = 3, int gpus = 2)
    {
        this.gpus = gpus;
        Directory.CreateDirectory(folder);
        Program = Path.Combine(folder, "nvidia-smi");
        File.WriteAllText(
            Program,
            $"#!/bin/sh\nNVIDIA_SMI_SCENARIO={scenario} NVIDIA_SMI_AFTER={after} NVIDIA_SMI_GPUS={gpus} exec '{Script}' \"$@\"\n"
        );
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(Program, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    public string Program { get; }

    /// <summary>A folder for a run's files, removed with the stand-in.</summary>
    public string RunFolder => Directory.CreateDirectory(Path.Combine(folder, "run")).FullName;

    /// <summary>Samples this scenario into <paramref name="folder"/> until the file holds <paramref name="rows"/> rows of
    /// every GPU (or says the driver went away) and returns the sampled span as a window: an observed end, not a sleep,
    /// so a loaded machine only waits longer. The window ends past the driver's exit when it went away.</summary>
    public async Task<(TelemetrySummary Summary, TelemetryLog Log, double From, double Until)> SampleAsync(
        string folder,
        SamplerOptions options,
        int rows
    )
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await using var sampler = await GpuSampler.StartAsync(folder, clock, options with { NvidiaSmi = Program });
        var start = clock.Elapsed.TotalSeconds;
        for (var waited = System.Diagnostics.Stopwatch.StartNew(); waited.Elapsed < TimeSpan.FromMinutes(1); await Task.Delay(50))
        {
            var seen = File.Exists(sampler.Path) ? TelemetryFile.Read(sampler.Path) : null;
            if (seen is not null && (seen.Samples.Count >= gpus * rows || seen.Vanished is not null || seen.Unavailable is not null))
                break;
        }
        var end = clock.Elapsed.TotalSeconds;
        var summary = await sampler.StopAsync();
        var log = TelemetryFile.Read(summary.File);
        var from = log.Samples.Count > 0 ? log.Samples.Min(s => s.Seconds) : start;
        var until = log.Vanished is { } vanished ? Math.Max(end, vanished.Seconds + 0.5) : end - 0.1;
        return (summary, log, from, until);
    }

    public void Dispose() => Directory.Delete(folder, true);
}
