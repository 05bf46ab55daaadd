using MaskBench.Benchmark;
using MaskBench.Model;
using MaskBench.Model.Records;
using MaskBench.Stages;
using MaskBench.Stages.Train;
using MaskBench.Tests.Environments;
using MaskBench.Tests.Slurm;
using MaskBench.Tools.Environments;
using MaskBench.Tools.Slurm;

namespace MaskBench.Tests.Chain;

/// <summary>What the node does inside the allocation, through the local Slurm: preflight's GPU checks before the training
/// (with a stand-in nvidia-smi on the job's PATH), and the training in podman on Setup's image.</summary>
[Trait(Needs.Trait, Needs.Podman)]
[Trait(Needs.Trait, Needs.Slurm)]
[Collection("local slurm")]
public sealed class SlurmNodeSpecs(LocalSlurm slurm)
{
    SlurmTrainExecutor Executor(ChainBench bench, JobContainerKind container, IReadOnlyDictionary<string, string> variables) =>
        new(
            SlurmExecutor.Create(
                slurm.Commands with
                {
                    Variables = new Dictionary<string, string>(variables) { ["SLURM_CONF"] = slurm.Configuration },
                },
                bench.Workspace.Work,
                LocalSlurm.Polling
            ),
            new SlurmSettings(null, null, null, null, GpuDialect.Gres, "fake", false, "500M", 1, TimeSpan.FromMinutes(5), container),
            new Lazy<NodeProgram>(NodeProgram.Dotnet(Path.Combine(AppContext.BaseDirectory, "_build.dll")))
        );

    /// <summary>The executor whose jobs find the nvidia-smi in <paramref name="smi"/> first on their PATH.</summary>
    SlurmTrainExecutor Executor(ChainBench bench, string smi) =>
        Executor(
            bench,
            JobContainerKind.None,
            new Dictionary<string, string> { ["PATH"] = $"{smi}:{Environment.GetEnvironmentVariable("PATH")}" }
        );

    /// <summary>A folder with an nvidia-smi that answers as 8 V100s (tests/stand-ins/nvidia-smi), each held by pid 4242.</summary>
    static string BusyGpus(string root)
    {
        var apps = string.Concat(
            Enumerable.Range(0, 8).Select(i => $"echo 'GPU-0000000{i}-1111-2222-3333-44444444444{i}, 4242, python, 15000'; ")
        );
        return NvidiaSmi(root, "NVIDIA_SMI_GPUS=8", $"case \"$1\" in --query-compute-apps=*) {apps}exit 0;; esac\n");
    }

    /// <summary>A folder with an nvidia-smi that runs tests/stand-ins/nvidia-smi with <paramref name="settings"/>, after
    /// <paramref name="first"/> (shell lines that may answer a query themselves).</summary>
    static string NvidiaSmi(string root, string settings, string first = "")
    {
        var folder = Directory.CreateDirectory(Path.Combine(root, "smi")).FullName;
        File.WriteAllText(
            Path.Combine(folder, "nvidia-smi"),
            $"#!/bin/sh\n{first}{settings} exec '{Paths.Repository("tests", "stand-ins", "nvidia-smi")}' \"$@\"\n"
        );
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(Path.Combine(folder, "nvidia-smi"), (UnixFileMode)0b111_101_101);
        return folder;
    }

    [SlurmFact(Timeout = 120_000)]
    public async Task Track_on_Slurm_asks_a_node_for_the_GPUs_a_training_gets_not_the_submit_host()
    {
        // Arrange: nvidia-smi on the job's PATH answers as 8 V100s; this host has no GPU
        using var bench = new ChainBench();
        var executor = Executor(bench, NvidiaSmi(bench.Root, "NVIDIA_SMI_GPUS=8"));
        var probes = Path.Combine(bench.Root, "node-probes");

        // Act
        var gpus = await executor.GpusAsync(1, probes, CancellationToken.None);

        // Assert
        Assert.Equal("8xTesla-V100-SXM2-16GB-drv550", MaskBench.History.MachineKey.Of(gpus));
        Assert.Empty(Directory.GetFileSystemEntries(probes));
    }

    [SlurmFact(Timeout = 120_000)]
    public async Task A_node_without_a_GPU_driver_fails_the_GPU_question_in_one_line_naming_the_job()
    {
        // Arrange: nvidia-smi on the job's PATH cannot talk to a driver
        using var bench = new ChainBench();
        var executor = Executor(bench, NvidiaSmi(bench.Root, "NVIDIA_SMI_SCENARIO=absent"));

        // Act
        var error = await Assert.ThrowsAsync<ChainException>(() =>
            executor.GpusAsync(1, Path.Combine(bench.Root, "node-probes"), CancellationToken.None)
        );

        // Assert
        Assert.DoesNotContain('\n', error.Message);
        Assert.Matches(
            @"^reading the GPUs a training would get failed: .*job [0-9]+.*\(Slurm's output: .*slurm-[0-9]+\.err\)$",
            error.Message
        );
    }

    static async Task CloneAndPatchAsync(StageContext context, ChainTargets chain)
    {
        foreach (var stage in new[] { "Clone", "Patch" }.Select(chain.Stage))
            await stage.RunAsync(stage.Steps(context.Catalog.Get("fake"))[0], CancellationToken.None);
    }

    [SlurmFact(Timeout = 300_000)]
    public async Task A_GPU_another_process_holds_on_the_node_refuses_the_training_there_in_one_line_and_nothing_trains()
    {
        // Arrange
        using var bench = new ChainBench();
        var executor = Executor(bench, BusyGpus(bench.Root));
        var context = bench.Context(executor, bench.Settings() with { Gpus = 1 });
        var chain = new ChainTargets(context);
        var recipe = bench.Fake(context);
        foreach (var stage in new[] { "Clone", "Patch", "Setup" }.Select(chain.Stage))
            await stage.RunAsync(stage.Steps(recipe)[0], CancellationToken.None);
        var train = chain.Stage("Train");

        // Act
        var error = await Assert.ThrowsAnyAsync<ChainException>(() => train.RunAsync(train.Steps(recipe)[0], CancellationToken.None));

        // Assert
        Assert.DoesNotContain('\n', error.Message);
        Assert.Matches(
            @"^preflight on node \S+ refused the training, which did not start: GPU [0-7] is held by pid 4242 .*\(job [0-9]+\)$",
            error.Message
        );
        var run = new RunKey("fake");
        var record = RunRecords.Read(context.Workspace.Record(run)).Record!;
        Assert.Equal(("failed", "Train"), (record.Status, record.Stage));
        Assert.Contains("held by pid 4242", record.Reason);
        Assert.False(File.Exists(context.Workspace.RunFile(run, RunFiles.Log)));
    }

    [SlurmPodmanFact(Timeout = 300_000)]
    public async Task A_training_runs_in_podman_inside_its_job_on_the_image_Setup_built()
    {
        // Arrange
        using var bench = new ChainBench();
        // The test image has python3 only; and the training refuses to start outside a container (podman's /run/.containerenv).
        var recipeFile = Path.Combine(bench.Root, "recipes", "fake.json");
        var inContainer = """["sh", "-c", "test -e /run/.containerenv && exec python3 \"$@\"", "sh", """;
        File.WriteAllText(recipeFile, File.ReadAllText(recipeFile).Replace("""["python", """, inContainer));
        var executor = Executor(bench, JobContainerKind.Podman, Podman.Variables);
        var context = bench.Context(executor, bench.Settings() with { Provider = Provider.Podman, Python = null });
        var chain = new ChainTargets(context);
        await CloneAndPatchAsync(context, chain);
        var id = (await Podman.RunAsync("image", "inspect", "--format", "{{.Id}}", Podman.TestImage)).Trim();
        // What Setup records for an image it built: here the test image, which has the fake trainer's python.
        EnvironmentIdentityFile.Write(
            new EnvironmentIdentity("podman", id, Podman.TestImage, "3", []),
            context.Workspace.EnvironmentRecord("fake")
        );
        var train = chain.Stage("Train");

        // Act
        await train.RunAsync(train.Steps(bench.Fake(context))[0], CancellationToken.None);

        // Assert
        var run = new RunKey("fake");
        var record = RunRecords.Read(context.Workspace.Record(run)).Record!;
        Assert.Equal(RunRecord.Trained, record.Status);
        var job = TrainJob.Read(
            Path.Combine(SlurmTrainExecutor.JobFolder(new TrainJob(context.Workspace, context.Settings, run)), RunFiles.Job)
        );
        Assert.Equal(new JobImage(JobContainerKind.Podman, Podman.TestImage), job.Container);
        var manifest = Newtonsoft.Json.Linq.JObject.Parse(File.ReadAllText(context.Workspace.RunFile(run, RunFiles.Manifest)));
        Assert.Equal($"podman {Podman.TestImage}", (string?)manifest["facts"]?["job container"]);
        Assert.Matches("^[0-9]+$", (string?)manifest["facts"]?["slurm job"]);
    }
}

/// <summary>A spec that needs the local cluster and podman with the test image.</summary>
public sealed class SlurmPodmanFactAttribute : FactAttribute
{
    public SlurmPodmanFactAttribute() => Skip = LocalSlurm.Missing ?? new PodmanFactAttribute().Skip;
}
