using MaskBench.Reports;

namespace MaskBench.Tests.Reports;

/// <summary>Every row says where its figure comes from: the machine, host, stack and commit of the run, from its manifest.</summary>
public sealed class ProvenanceSpecs : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("maskbench-provenance-").FullName;

    [Fact]
    public void A_measured_row_names_its_gpus_driver_cuda_host_stack_commit_and_date()
    {
        // Arrange: the fields of a manifest the runner writes
        File.WriteAllText(
            Path.Combine(folder, "manifest.json"),
            """
            {"start": "2026-12-07T01:02:20.75+00:00",
             "gpu": {"models": ["NVIDIA H100 80GB HBM3", "NVIDIA H100 80GB HBM3"], "count": 2, "driver": "550.54.15", "cuda": "12.4"},
             "facts": {"host": "gpu-7", "stack": "current", "maskbench": "e836bb3651fbb39dc822fe82083d2df97ba8aa5a-dirty"}}
            """
        );

        // Act
        var provenance = Provenance.OfRun(folder);

        // Assert
        Assert.Equal(
            "measured on 2× NVIDIA H100 80GB HBM3 (driver 550.54.15, CUDA 12.4), host gpu-7, current stack, MaskBench e836bb3651fb-dirty, 2026-12-07",
            provenance
        );
    }

    [Fact]
    public void A_cpu_run_on_a_slurm_node_says_so_and_a_run_without_a_manifest_claims_nothing()
    {
        // Arrange
        File.WriteAllText(
            Path.Combine(folder, "manifest.json"),
            """{"start": "2026-12-06T10:00:00Z", "gpu": null, "facts": {"host": "n1", "slurm nodes": "n1", "stack": "page", "maskbench": "abc1234"}}"""
        );
        var empty = Directory.CreateDirectory(Path.Combine(folder, "empty")).FullName;

        // Act
        var provenance = Provenance.OfRun(folder);

        // Assert
        Assert.Equal("measured on the CPU (--gpus 0), Slurm node n1, page stack, MaskBench abc1234, 2026-12-06", provenance);
        Assert.Null(Provenance.OfRun(empty));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
