using MaskBench.Stages.Train;
using MaskBench.Tools.Processes;
using MaskBench.Tools.Telemetry;

namespace MaskBench.Tests.Running;

/// <summary>Preflight against a driver's tool that misbehaves: stand-in nvidia-smi scripts that hang or print
/// something that is not GPUs and exit 0.</summary>
[Trait(Needs.Trait, Needs.Processes)]
public sealed class BrokenNvidiaSmiSpecs : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("maskbench-broken-smi-").FullName;

    /// <summary>A stand-in nvidia-smi whose every call runs <paramref name="body"/> (shell).</summary>
    string StandIn(string body)
    {
        var path = Path.Combine(folder, "nvidia-smi");
        File.WriteAllText(path, $"#!/bin/sh\n{body}\n");
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, (UnixFileMode)0b111_101_101);
        return path;
    }

    public static TheoryData<string, string> Garbage =>
        new()
        {
            { "echo 'hello world'", "'hello world'" },
            { "printf 'this is not csv\\nnor this\\n'", "'this is not csv'" },
            { "head -c 300 /dev/zero | tr '\\0' 'A' | fold -w 76; echo", "'AAAAAAAA" },
        };

    [Theory(Timeout = 60_000)]
    [MemberData(nameof(Garbage))]
    public async Task Preflight_refuses_an_nvidia_smi_that_prints_something_other_than_GPUs(string body, string shown)
    {
        // Arrange
        var request = new PreflightRequest(1, null, []) { NvidiaSmi = StandIn(body) };

        // Act
        var error = await Assert.ThrowsAsync<RunnerException>(() => Preflight.TrainingProblemsAsync(request, CancellationToken.None));

        // Assert
        Assert.StartsWith($"nvidia-smi's output could not be read as GPUs: {shown}", error.Message);
        Assert.Contains("pass --gpus 0", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact(Timeout = 60_000)]
    public async Task Preflight_gives_up_on_a_hung_nvidia_smi_after_a_few_seconds_naming_it()
    {
        // Arrange
        var request = new PreflightRequest(1, null, []) { NvidiaSmi = StandIn("exec sleep 1000") };

        // Act
        var error = await Assert.ThrowsAsync<RunnerException>(() => Preflight.CheckAsync(request));

        // Assert
        Assert.StartsWith($"{request.NvidiaSmi} did not answer within 10 s", error.Message);
        Assert.Contains("pass --gpus 0", error.Message);
        Assert.Equal(TimeSpan.FromSeconds(10), Smi.Timeout);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
