using System.Collections;
using MaskBench.Engine;

namespace MaskBench.Tests.Engine;

/// <summary>Parameter groups (<c>[ParameterGroup("Slurm")]</c>): a settings class whose fields are parameters, as NUKE's components are.</summary>
public class ParameterGroupSpecs : IDisposable
{
    sealed class ClusterGroup
    {
        [Parameter("Partition")]
        internal readonly string? Partition = null;

        [Parameter("CPUs per GPU", Minimum = 1)]
        internal readonly int CpusPerGpu = 8;
    }

    sealed class GroupedBuild
    {
        [Parameter("GPUs")]
        public int Gpus = 8;

        [ParameterGroup("Slurm")]
        internal readonly ClusterGroup Slurm = new();
    }

    struct ValueGroup()
    {
        [Parameter("Partition")]
        public string? Partition = null;
    }

    sealed class BuildWithStructGroup
    {
        [ParameterGroup]
        internal ValueGroup Group = new();
    }

    readonly string nuke = Directory.CreateTempSubdirectory("maskbench-nuke-").FullName;

    public void Dispose() => Directory.Delete(nuke, recursive: true);

    [Fact]
    public void A_group_s_parameters_are_named_with_its_prefix_and_set_from_every_source()
    {
        // Arrange
        File.WriteAllText(Path.Combine(nuke, "parameters.json"), """{ "SlurmCpusPerGpu": 4 }""");
        var build = new GroupedBuild();
        var parameters = BuildParameter.Of(typeof(GroupedBuild));

        // Act
        ParameterBinder.Bind(
            build,
            parameters,
            CommandLine.Parse(["--gpus", "2"]),
            ParameterFiles.Load(nuke, []),
            new Hashtable { ["SLURM_PARTITION"] = "gpu" },
            nuke
        );

        // Assert
        Assert.Equal(["--gpus", "--slurm-cpus-per-gpu", "--slurm-partition"], parameters.Select(p => $"--{p.Option}"));
        Assert.Equal((2, "gpu", 4), (build.Gpus, build.Slurm.Partition, build.Slurm.CpusPerGpu));
    }

    [Fact]
    public void A_group_s_bounds_are_checked_like_the_build_s_own()
    {
        // Arrange
        var build = new GroupedBuild();

        // Act
        var refused = Record.Exception(() =>
            ParameterBinder.Bind(
                build,
                BuildParameter.Of(typeof(GroupedBuild)),
                CommandLine.Parse(["--slurm-cpus-per-gpu", "0"]),
                ParameterFiles.Load(nuke, []),
                new Hashtable(),
                nuke
            )
        );

        // Assert
        Assert.Contains("--slurm-cpus-per-gpu", refused?.Message);
        Assert.Contains("1 or more", refused?.Message);
    }

    [Fact]
    public void A_group_that_is_a_struct_is_refused_because_setting_it_would_set_a_copy()
    {
        // Act
        var refused = Record.Exception(() => BuildParameter.Of(typeof(BuildWithStructGroup)));

        // Assert
        Assert.IsType<InvalidOperationException>(refused);
        Assert.Contains("must be a class", refused.Message);
    }
}
