using MaskBench.Model.Records;
using MaskBench.Stages;
using MaskBench.Stages.Train;
using MaskBench.Tests.Chain;
using MaskBench.Tests.Snapshots;
using MaskBench.Tools.Environments;
using MaskBench.Tools.Slurm;

namespace MaskBench.Tests.Slurm;

/// <summary>The image a Slurm job's container runs, made on the submit host from Setup's image. pyxis and Apptainer
/// cannot run here: their command lines are snapshots, and their absence is one line.</summary>
[Trait(Needs.Trait, Needs.Slurm)]
public class JobImagesSpecs
{
    static EnvironmentIdentity Built(string provider) =>
        new(provider, "sha256:1a2b3c4d5e6f7a8b9c0d", "maskbench/detectron2:env-1a2b3c4d5e6f", "3.7.16", []);

    [Fact]
    public void Pyxis_and_Apptainer_images_are_made_from_Setups_image_with_these_commands()
    {
        // Arrange
        var cases = new[]
        {
            (JobContainerKind.Pyxis, "podman"),
            (JobContainerKind.Pyxis, "docker"),
            (JobContainerKind.Apptainer, "podman"),
            (JobContainerKind.Apptainer, "docker"),
        };

        // Act
        var text = string.Concat(
            cases.Select(c =>
            {
                var path = JobImages.PathOf(c.Item1, Built(c.Item2), "detectron2", "/shared/work/images");
                var commands = JobImages.Commands(c.Item1, Built(c.Item2), path + ".partial");
                return $"# {c.Item1} from {c.Item2}: {path}\n{string.Join("\n", commands.Select(command => string.Join(" ", command)))}\n";
            })
        );

        // Assert
        Snapshot.Match("slurm-job-images", text);
    }

    [Theory]
    [InlineData(JobContainerKind.Apptainer, "podman", "apptainer is not installed")]
    [InlineData(JobContainerKind.Podman, "docker", "pass --provider podman")]
    [InlineData(JobContainerKind.Pyxis, "venv", "made a virtual environment")]
    public async Task A_container_the_submit_host_cannot_make_is_refused_in_one_line_naming_the_fix(
        JobContainerKind kind,
        string provider,
        string expected
    )
    {
        // Arrange
        var folder = Directory.CreateTempSubdirectory("maskbench-images-").FullName;

        // Act
        var error = await Assert.ThrowsAsync<SlurmException>(() =>
            JobImages.EnsureAsync(kind, Built(provider), "detectron2", folder, SlurmCommands.OnPath, CancellationToken.None)
        );

        // Assert
        Assert.Contains(expected, error.Message);
        Assert.Contains($"--slurm-container {kind.ToString().ToLowerInvariant()}", error.Message);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Empty(Directory.GetFileSystemEntries(folder)); // nothing half-made is left
    }

    [SlurmFact(Timeout = 60_000)]
    public async Task Pyxis_on_a_cluster_whose_srun_has_no_container_image_is_refused_in_one_line()
    {
        // Arrange
        var folder = Directory.CreateTempSubdirectory("maskbench-images-").FullName;

        // Act
        var error = await Assert.ThrowsAsync<SlurmException>(() =>
            JobImages.EnsureAsync(
                JobContainerKind.Pyxis,
                Built("podman"),
                "detectron2",
                folder,
                SlurmCommands.OnPath,
                CancellationToken.None
            )
        );

        // Assert
        Assert.StartsWith("--slurm-container pyxis: this cluster's srun has no --container-image", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task A_node_that_does_not_see_the_image_records_the_run_as_failed_in_one_line()
    {
        // Arrange
        using var bench = new ChainBench();
        var run = new RunKey("fake");
        EnvironmentIdentityFile.Write(Built("podman"), bench.Workspace.EnvironmentRecord("fake"));
        var job = new TrainJob(bench.Workspace, bench.Settings(), run)
        {
            Container = new JobImage(JobContainerKind.Apptainer, "/nowhere/fake.sif"),
        };
        var file = Path.Combine(bench.Root, "job.json");
        job.Write(file);

        // Act
        await Supervisor.RunAsync(file, CancellationToken.None);

        // Assert
        var record = RunRecords.Read(bench.Workspace.Record(run)).Record!;
        Assert.Equal("failed", record.Status);
        Assert.StartsWith("the apptainer image /nowhere/fake.sif is not on node", record.Reason);
        Assert.Contains("--work-dir", record.Reason);
        Assert.True(File.Exists(Path.Combine(bench.Root, SlurmTrainExecutor.ExitMarkerName)));
    }

    [Fact]
    public async Task A_node_without_apptainer_records_the_run_as_failed_in_one_line()
    {
        // Arrange: the image is there (a shared work folder), apptainer is not (as on this machine)
        using var bench = new ChainBench();
        var run = new RunKey("fake");
        EnvironmentIdentityFile.Write(Built("podman"), bench.Workspace.EnvironmentRecord("fake"));
        var image = Path.Combine(bench.Root, "fake.sif");
        File.WriteAllText(image, "");
        var job = new TrainJob(bench.Workspace, bench.Settings(), run) { Container = new JobImage(JobContainerKind.Apptainer, image) };
        var file = Path.Combine(bench.Root, "job.json");
        job.Write(file);

        // Act
        await Supervisor.RunAsync(file, CancellationToken.None);

        // Assert
        var record = RunRecords.Read(bench.Workspace.Record(run)).Record!;
        Assert.Equal("failed", record.Status);
        Assert.StartsWith("apptainer is not on PATH on node", record.Reason);
        Assert.Contains("--slurm-container apptainer needs it on every node", record.Reason);
    }
}
