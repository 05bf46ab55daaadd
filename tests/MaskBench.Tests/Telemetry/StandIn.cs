namespace MaskBench.Tests.Telemetry;

/// <summary>The stand-in <c>nvidia-smi</c> (tests/stand-ins/nvidia-smi) fixed to one scenario: a two-line wrapper
/// script per test, so tests running in parallel do not share an environment variable.</summary>
sealed class StandIn : IDisposable
{
    public static readonly string Script = Paths.Repository("tests", "stand-ins", "nvidia-smi");

    readonly string folder = Path.Combine(Path.GetTempPath(), "maskbench-smi-" + Guid.NewGuid().ToString("N"));

    public StandIn(string scenario, int after = 3, int gpus = 2)
    {
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

    public void Dispose() => Directory.Delete(folder, true);
}
