using MaskBench.Tests.Snapshots;
using MaskBench.Tools.Slurm;

namespace MaskBench.Tests.Slurm;

[Trait(Needs.Trait, Needs.Processes)]
public class BatchScriptSpecs
{
    static SlurmJobRequest Typical() =>
        new(
            "maskbench-detectron2-r1",
            "/work/maskbench/artifacts/runs/detectron2.slurm",
            "/work/maskbench",
            [
                "dotnet",
                "/work/maskbench/.nuke/temp/bin/_build.dll",
                "Supervise",
                "--job",
                "/work/maskbench/artifacts/runs/detectron2.slurm/job.json",
            ],
            new SlurmResources(
                8,
                GpuDialect.Gres,
                "a100",
                true,
                "64G",
                8,
                TimeLimit.For(TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(10)),
                Partition: "gpu",
                Account: "perf-team",
                Qos: "normal",
                Constraint: "a100&nvlink"
            ),
            new Dictionary<string, string> { ["PYTHONUNBUFFERED"] = "1", ["MASKBENCH_NOTE"] = "it's a $test" }
        );

    [Fact]
    public void A_typical_training_job_has_this_script()
    {
        // Act
        var script = BatchScript.Render(Typical());

        // Assert
        Snapshot.Match("slurm-batch-script", script, "sh");
    }

    [Fact]
    public void A_job_of_the_single_file_MaskBench_checks_the_placed_binary_before_it_execs_it()
    {
        // Arrange
        var placed = "/work/maskbench/.work/bin/maskbench-0123456789abcdef";
        var request = Typical() with
        {
            Command = [placed, "Supervise", "--job", "/work/maskbench/artifacts/runs/detectron2.slurm/job.json"],
            Program = NodeProgram.SingleFile(placed, new string('a', 64)),
        };

        // Act
        var script = BatchScript.Render(request);

        // Assert
        Assert.True(script.IndexOf("sha256sum --check", StringComparison.Ordinal) < script.IndexOf("\nexec ", StringComparison.Ordinal));
        Assert.NotEqual(BatchScript.Hash(script), BatchScript.Hash(BatchScript.Render(request with { Program = null })));
        Snapshot.Match("slurm-batch-script-single-file", script, "sh");
    }

    [Fact]
    public void The_script_is_written_executable_into_the_run_folder_and_its_hash_names_its_content()
    {
        // Arrange
        var folder = Directory.CreateTempSubdirectory("maskbench-script-").FullName;
        var request = Typical() with { RunFolder = folder };

        // Act
        var hash = BatchScript.Write(request);

        // Assert
        Assert.Equal(Path.Combine(folder, "job.sh"), request.ScriptPath);
        Assert.Equal(BatchScript.Hash(File.ReadAllText(request.ScriptPath)), hash);
        Assert.True(OperatingSystem.IsWindows() || File.GetUnixFileMode(request.ScriptPath).HasFlag(UnixFileMode.UserExecute));
        Assert.NotEqual(
            hash,
            BatchScript.Hash(BatchScript.Render(request with { Resources = request.Resources with { GpusPerNode = 4 } }))
        );
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Bash_reads_the_script_and_execs_the_command_with_every_argument_intact()
    {
        // Arrange
        var folder = Directory.CreateTempSubdirectory("maskbench-script-").FullName;
        var request = Typical() with
        {
            RunFolder = folder,
            Command = ["/bin/bash", "-c", "printf '%s|' \"$0\" \"$1\" \"$MASKBENCH_NOTE\"", "it's $(id)", "a b"],
        };
        BatchScript.Write(request);

        // Act
        var result = await ProcessRunner.RunAsync("/bin/bash", [request.ScriptPath], new ProcessOptions());

        // Assert
        Assert.Equal("it's $(id)|a b|it's a $test|", result.StandardOutput);
        Directory.Delete(folder, recursive: true);
    }

    [Theory]
    [InlineData(GpuDialect.Gres, "a100", 8, "--gres=gpu:a100:8")]
    [InlineData(GpuDialect.Gres, null, 2, "--gres=gpu:2")]
    [InlineData(GpuDialect.GpusPerNode, "h100", 4, "--gpus-per-node=h100:4")]
    [InlineData(GpuDialect.GpusPerNode, "", 1, "--gpus-per-node=1")]
    public void GPUs_are_asked_for_in_the_clusters_dialect(GpuDialect dialect, string? type, int gpus, string expected)
    {
        // Arrange
        var resources = new SlurmResources(gpus, dialect, type, true, "32G", 4, TimeSpan.FromMinutes(20));

        // Act
        var directives = resources.Directives();

        // Assert
        Assert.Contains(expected, directives);
        Assert.Contains("--mem-per-gpu=32G", directives);
        Assert.Contains("--cpus-per-gpu=4", directives);
        Assert.Contains("--exclusive", directives);
        Assert.Contains("--time=0-00:20:00", directives);
    }

    [Fact]
    public void A_job_without_GPUs_still_sets_its_memory_and_CPUs()
    {
        // Act
        var directives = new SlurmResources(0, GpuDialect.Gres, null, false, "500M", 2, TimeSpan.FromMinutes(3)).Directives();

        // Assert
        Assert.Equal(["--nodes=1", "--ntasks=1", "--cpus-per-task=2", "--mem=500M", "--time=0-00:03:00"], directives);
    }

    [Theory]
    [InlineData("lots", "--slurm-mem-per-gpu")]
    [InlineData("64 G", "--slurm-mem-per-gpu")]
    public void A_bad_memory_size_fails_with_one_line_naming_the_parameter(string memory, string parameter)
    {
        // Act
        var error = Assert.Throws<SlurmException>(() =>
            new SlurmResources(1, GpuDialect.Gres, null, true, memory, 1, TimeSpan.FromMinutes(5)).Directives()
        );

        // Assert
        Assert.StartsWith(parameter, error.Message);
    }

    [Fact]
    public void A_partition_with_a_space_or_a_comment_sign_cannot_reach_an_SBATCH_line()
    {
        // Arrange
        var resources = new SlurmResources(1, GpuDialect.Gres, null, true, "1G", 1, TimeSpan.FromMinutes(5), Partition: "gpu #--account=x");

        // Act
        var error = Assert.Throws<SlurmException>(() => resources.Directives());

        // Assert
        Assert.StartsWith("--slurm-partition is 'gpu #--account=x'", error.Message);
    }

    [Theory]
    [InlineData("/work/with space/runs")]
    [InlineData("/work/100%/runs")]
    [InlineData("relative/runs")]
    public void A_run_folder_an_SBATCH_line_cannot_hold_is_refused_with_the_fix(string folder)
    {
        // Act
        var error = Assert.Throws<SlurmException>(() => BatchScript.Render(Typical() with { RunFolder = folder }));

        // Assert
        Assert.Contains($"'{folder}'", error.Message);
        Assert.Contains("move the work folder", error.Message);
    }

    [Theory]
    [InlineData(30, 10, "0-00:44:00")] // 30 + 10 + 2 + 1.5 = 43.5 → 44 minutes
    [InlineData(1, 0, "0-00:05:00")] // 1 + 0 + 2 + 1.5 = 4.5 → 5
    [InlineData(24 * 60, 30, "1-00:34:00")]
    public void The_time_limit_is_the_trainings_timeout_plus_setup_stop_and_signal_margins(
        int trainMinutes,
        int setupMinutes,
        string expected
    )
    {
        // Act
        var limit = TimeLimit.For(TimeSpan.FromMinutes(trainMinutes), TimeSpan.FromMinutes(setupMinutes));

        // Assert
        Assert.Equal(expected, TimeLimit.Format(limit));
    }

    [Fact]
    public void The_poll_delay_doubles_up_to_its_ceiling()
    {
        // Arrange
        var policy = PollPolicy.Default;
        var delays = new List<double> { policy.First.TotalSeconds };

        // Act
        for (var i = 0; i < 6; i++)
            delays.Add(policy.Next(TimeSpan.FromSeconds(delays[^1])).TotalSeconds);

        // Assert
        Assert.Equal([2, 4, 8, 16, 30, 30, 30], delays);
    }
}
