using MaskBench.Stages.Train;
using MaskBench.Tools.Telemetry;

namespace MaskBench.Tests.Running;

[Trait(Needs.Trait, Needs.Processes)]
public class PreflightSpecs
{
    /// <summary>A stand-in for the driver's tool: a real script that answers like nvidia-smi with N GPUs.</summary>
    static string NvidiaSmi(string root, int gpus)
    {
        var path = Path.Combine(root, "nvidia-smi");
        var rows = string.Concat(Enumerable.Range(0, gpus).Select(_ => "echo 'Tesla V100-SXM2-16GB, 440.64.00'\n"));
        File.WriteAllText(
            path,
            $"#!/bin/sh\ncase \"$1\" in --query-gpu*) {rows};; *) echo '| NVIDIA-SMI 440.64.00    Driver Version: 440.64.00    CUDA Version: 10.2 |';; esac\n"
        );
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, (UnixFileMode)0b111_101_101);
        return path;
    }

    [Fact(Timeout = 60_000)]
    public async Task Every_problem_is_named_before_anything_long_starts()
    {
        // Arrange
        using var scratch = new FakeTraining();
        var request = new PreflightRequest(
            8,
            "maskbench-no-such-engine",
            [new DiskNeed(Path.Combine(scratch.Root, "new", "folder"), long.MaxValue, "the training output")]
        )
        {
            NvidiaSmi = NvidiaSmi(scratch.Root, 2),
        };

        // Act
        var problems = await Preflight.CheckAsync(request);

        // Assert
        Assert.Equal(3, problems.Count);
        Assert.Contains("8 GPUs are needed (--gpus 8) but this machine has 2 (Tesla V100-SXM2-16GB)", problems[0]);
        Assert.Contains("'maskbench-no-such-engine' is not installed", problems[1]);
        Assert.Contains("for the training output", problems[2]);
    }

    [Fact(Timeout = 60_000)]
    public async Task No_driver_and_no_GPU_runtime_are_named_with_the_fix()
    {
        // Arrange
        using var scratch = new FakeTraining();
        var request = new PreflightRequest(1, "podman", [])
        {
            NvidiaSmi = Path.Combine(scratch.Root, "absent-nvidia-smi"),
            CdiFolders = [scratch.Root],
            EngineVariables = new Dictionary<string, string?> { ["CONTAINERS_CONF"] = "/etc/maskbench/containers.conf" },
        };

        // Act
        var problems = await Preflight.CheckAsync(request);

        // Assert
        Assert.Equal(2, problems.Count);
        Assert.StartsWith("no NVIDIA driver answers", problems[0]);
        Assert.Contains("nvidia-ctk cdi generate", problems[1]);
    }

    [Fact(Timeout = 60_000)]
    public async Task An_unreadable_entry_among_the_CDI_specs_counts_as_no_spec()
    {
        // Arrange
        using var scratch = new FakeTraining();
        File.CreateSymbolicLink(Path.Combine(scratch.Root, "nvidia.yaml"), Path.Combine(scratch.Root, "gone.yaml"));
        var request = new PreflightRequest(1, "podman", [])
        {
            NvidiaSmi = NvidiaSmi(scratch.Root, 1),
            CdiFolders = [scratch.Root],
            EngineVariables = new Dictionary<string, string?> { ["CONTAINERS_CONF"] = "/etc/maskbench/containers.conf" },
        };

        // Act
        var problems = await Preflight.CheckAsync(request);

        // Assert
        Assert.Contains("nvidia-ctk cdi generate", Assert.Single(problems));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_machine_with_what_is_needed_passes()
    {
        // Arrange
        using var scratch = new FakeTraining();
        var request = new PreflightRequest(2, null, [new DiskNeed(scratch.Root, 1024, "the output")])
        {
            NvidiaSmi = NvidiaSmi(scratch.Root, 2),
        };

        // Act
        var problems = await Preflight.CheckAsync(request);
        var gpus = await MachineFacts.GpusAsync(request.NvidiaSmi);

        // Assert
        Assert.Empty(problems);
        Assert.Equal("10.2", gpus!.Cuda);
        Assert.Equal("440.64.00", gpus.Driver);
    }
}
