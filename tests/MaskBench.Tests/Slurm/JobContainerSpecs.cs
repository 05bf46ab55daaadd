using MaskBench.Tests.Snapshots;
using MaskBench.Tools.Slurm;

namespace MaskBench.Tests.Slurm;

/// <summary>Container command lines inside a job. pyxis and Apptainer cannot run here: their lines are snapshots.</summary>
public class JobContainerSpecs
{
    static readonly ProcessSpec Training = new(
        ["python", "tools/train_net.py", "--num-gpus", "8", "SOLVER.MAX_ITER", "600"],
        "/work/maskbench/.work/src/detectron2",
        new Dictionary<string, string> { ["DETECTRON2_DATASETS"] = "/data/coco", ["PYTHONUNBUFFERED"] = "1" }
    );

    static readonly string[] Mounts = ["/work/maskbench", "/data/coco", "/work/maskbench"];

    [Theory]
    [InlineData(JobContainerKind.Podman, "localhost/maskbench/detectron2:env-1a2b")]
    [InlineData(JobContainerKind.Pyxis, "/shared/images/detectron2-1a2b.sqsh")]
    [InlineData(JobContainerKind.Apptainer, "/shared/images/detectron2-1a2b.sif")]
    public void A_training_in_a_container_inside_the_job_has_this_command_line(JobContainerKind kind, string image)
    {
        // Arrange
        var container = new JobContainer(kind, image, Mounts, ["2", "3"]);

        // Act
        var arguments = container.Arguments(Training, "maskbench-detectron2-r1");

        // Assert
        Snapshot.Match($"slurm-container-{kind.ToString().ToLowerInvariant()}", string.Join("\n", arguments) + "\n");
    }

    [Fact]
    public void The_pyxis_host_hands_the_variables_to_srun_which_passes_them_into_the_container()
    {
        // Arrange
        var host = new JobContainerHost(new JobContainer(JobContainerKind.Pyxis, "img.sqsh", [], []));

        // Act
        var hosted = host.Prepare(Training, "run");

        // Assert
        Assert.Equal("setsid", hosted.Program);
        Assert.Equal("srun", hosted.Arguments[0]);
        Assert.Equal("/data/coco", hosted.Variables["DETECTRON2_DATASETS"]);
        Assert.Contains("--container-env=DETECTRON2_DATASETS,PYTHONUNBUFFERED", hosted.Arguments);
    }
}
