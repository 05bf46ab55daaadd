using MaskBench.Engine;
using MaskBench.Foundation.Files;
using MaskBench.Model;
using MaskBench.Model.Records;
using MaskBench.Tools.Environments;
using MaskBench.Tools.Slurm;
using MaskBench.Tools.Telemetry;

namespace MaskBench.Stages.Train;

/// <summary>Trains in Slurm jobs: one batch job per run, whose script runs MaskBench's supervisor on the node (the same
/// runner as the local executor: line times, stop after the window, manifest read there). One instance per build, so
/// every training in flight shares one poller; a build killed mid-run re-attaches to its jobs through the journal.</summary>
/// <param name="maxJobs">How many trainings may be in flight on the cluster at once (<c>--slurm-max-jobs</c>).</param>
internal sealed class SlurmTrainExecutor(
    SlurmExecutor slurm,
    SlurmSettings settings,
    Lazy<NodeProgram> supervisor,
    int maxJobs = int.MaxValue
) : IExecutor
{
    public const string ExitMarkerName = "exit-code";

    /// <summary>The pool every training job of this build holds a slot of while it is submitted or running.</summary>
    public const string JobPool = "slurm-jobs";

    public (string Pool, int Capacity)? Elsewhere => (JobPool, maxJobs);

    public string Where => $"slurm{(settings.Partition is { } p ? $" partition {p}" : "")}";

    /// <summary>The job's identity (its batch script and job.json) is part of what a training depends on, and so is the container it runs in (its image is
    /// Setup's, whose identity Setup's record brings into the stamp).</summary>
    public void Declare(FingerprintBuilder inputs, TrainJob job)
    {
        inputs.Value("slurm job", Submitted(job).Identity());
        if (settings.Container != JobContainerKind.None)
            inputs.Value("job container", JobImages.Name(settings.Container));
    }

    /// <summary>For <c>--plan</c>: what the node runs the training in.</summary>
    public string ContainerNote =>
        settings.Container switch
        {
            JobContainerKind.None => "the environment Setup recorded",
            JobContainerKind.Podman => "podman, on the image Setup built, with the allocation's GPUs",
            JobContainerKind.Pyxis => "pyxis (srun --container-image) on a squashfs that enroot imports here from Setup's image",
            _ => "apptainer exec --nv on a .sif that apptainer builds here from Setup's image",
        };

    /// <summary>The container image the node runs the training in, made here (where Setup built its image) once.</summary>
    async Task<TrainJob> WithContainerAsync(TrainJob job, CancellationToken cancellation) =>
        job with
        {
            Container = await JobImages.EnsureAsync(
                settings.Container,
                EnvironmentIdentityFile.Read(job.Workspace.EnvironmentRecord(job.Run.Implementation)),
                job.Run.Implementation,
                job.Workspace.JobImages,
                slurm.Commands,
                cancellation
            ),
        };

    public string Script(TrainJob job) => BatchScript.Render(Request(job));

    /// <summary><c>runs/&lt;id&gt;/&lt;n&gt;.slurm/</c>: the job's script, its job.json, Slurm's output files and the exit marker.</summary>
    public static string JobFolder(TrainJob job) => job.Workspace.Run(job.Run) + ".slurm";

    public SlurmJobRequest Request(TrainJob job)
    {
        var folder = JobFolder(job);
        return new SlurmJobRequest(
            $"maskbench-{job.Run.Name}",
            folder,
            job.Workspace.Root,
            [.. supervisor.Value.Command, "Supervise", "--root", job.Workspace.Root, "--job", Path.Combine(folder, RunFiles.Job)],
            settings.Resources(job.Settings.Gpus, job.Settings.TrainTimeout),
            new Dictionary<string, string> { ["PYTHONUNBUFFERED"] = "1" },
            Path.Combine(folder, ExitMarkerName),
            Program: supervisor.Value
        );
    }

    /// <summary>The request with the job.json the supervisor reads: the journal re-attaches only to a job of the same.</summary>
    SlurmJobRequest Submitted(TrainJob job) => Request(job) with { Files = new Dictionary<string, string> { [RunFiles.Job] = job.Text() } };

    public async Task TrainAsync(TrainJob job, CancellationToken cancellation)
    {
        var request = Request(job);
        var submitted = DateTimeOffset.UtcNow;
        try
        {
            job = await WithContainerAsync(job, cancellation);
        }
        catch (SlurmException e)
        {
            throw new ChainException(e.Message);
        }
        request = Submitted(job);
        var outcome = await RunJobAsync(request, "", cancellation);
        var (record, problem) = RunRecords.Read(job.Workspace.Record(job.Run));
        if (record is null || (!outcome.Reattached && record.Written < submitted.AddMinutes(-1)))
            throw new ChainException(
                $"job {outcome.JobId} ended but left no run record ({problem ?? "none written"}): see {Shown.Path(request.ErrorFile(outcome.JobId!))}"
            );
        if (record.Status == "failed")
            throw new ChainException($"{record.Reason} (job {outcome.JobId})", recorded: true);
    }

    /// <summary>A job with a training's resources whose only command asks the node's nvidia-smi which GPUs it got: Track
    /// keys the history by the machine that trains, and on Slurm that is a node, not the submit host.</summary>
    public async Task<GpuFacts?> GpusAsync(int gpus, string folder, CancellationToken cancellation)
    {
        var name = $"maskbench-gpus-{Guid.NewGuid():N}";
        var request = new SlurmJobRequest(
            name,
            Path.Combine(folder, name),
            Path.GetFullPath(folder),
            ["nvidia-smi", .. MachineFacts.GpuListQuery],
            settings.Resources(gpus, TimeSpan.FromMinutes(5)),
            new Dictionary<string, string>()
        );
        Directory.CreateDirectory(request.RunFolder);
        var outcome = await RunJobAsync(request, "reading the GPUs a training would get failed: ", cancellation);
        var gpusSeen = MachineFacts.GpuList(await File.ReadAllTextAsync(request.OutputFile(outcome.JobId!), cancellation));
        Directory.Delete(request.RunFolder, recursive: true);
        return gpusSeen;
    }

    /// <summary>Runs the job to its end; one that could not be submitted, or ended otherwise than well, is a
    /// <see cref="ChainException"/> of one line (after <paramref name="what"/>) naming Slurm's error file.</summary>
    async Task<SlurmJobOutcome> RunJobAsync(SlurmJobRequest request, string what, CancellationToken cancellation)
    {
        SlurmJobOutcome outcome;
        try
        {
            outcome = await slurm.RunAsync(request, cancellation);
        }
        catch (SlurmException e)
        {
            throw new ChainException(e.Message);
        }
        if (outcome.Succeeded)
            return outcome;
        // The node's own check of the program says what is wrong in one line: that line is the message.
        var error = outcome.JobId is { } id ? request.ErrorFile(id) : null;
        var said =
            error is not null && File.Exists(error)
                ? File.ReadLines(error).LastOrDefault(l => l.StartsWith(NodeProgram.Said, StringComparison.Ordinal))
                : null;
        throw new ChainException(
            said is not null ? $"{what}job {outcome.JobId}: {said[NodeProgram.Said.Length..]}" : what + Failure(outcome, request.ErrorFile)
        );
    }

    /// <summary>A job's failure in one line, pointing at Slurm's error file only where there is one: a job sbatch
    /// refused has no id and no file, and its message already holds sbatch's own error.</summary>
    internal static string Failure(SlurmJobOutcome outcome, Func<string, string> errorFile) =>
        outcome.JobId is { } id && File.Exists(errorFile(id))
            ? $"{outcome.Message} (Slurm's output: {Shown.Path(errorFile(id))})"
            : outcome.Message;
}
