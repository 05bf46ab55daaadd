using MaskBench.Engine;
using MaskBench.Files;
using MaskBench.Results;
using MaskBench.Slurm;

namespace MaskBench.Chain;

/// <summary>Trains in Slurm jobs: one batch job per run, whose script runs MaskBench's supervisor on the node (the same
/// runner as the local executor: line times, stop after the window, manifest read there). One instance per build, so
/// every training in flight shares one poller; a build killed mid-run re-attaches to its jobs through the journal.</summary>
public sealed class SlurmTrainExecutor(SlurmExecutor slurm, SlurmSettings settings, string supervisor) : IExecutor
{
    public const string ExitMarkerName = "exit-code";

    public string Where => $"slurm{(settings.Partition is { } p ? $" partition {p}" : "")}";

    /// <summary>The batch script is part of what a training depends on.</summary>
    public void Declare(FingerprintBuilder inputs, TrainJob job) => inputs.Value("batch script", BatchScript.Hash(Script(job)));

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
            ["dotnet", supervisor, "Supervise", "--root", job.Workspace.Root, "--job", Path.Combine(folder, Workspace.JobName)],
            settings.Resources(job.Settings.Gpus, job.Settings.TrainTimeout),
            new Dictionary<string, string> { ["PYTHONUNBUFFERED"] = "1" },
            Path.Combine(folder, ExitMarkerName)
        );
    }

    public async Task TrainAsync(TrainJob job, CancellationToken cancellation)
    {
        var request = Request(job);
        Directory.CreateDirectory(request.RunFolder);
        job.Write(Path.Combine(request.RunFolder, Workspace.JobName));
        var submitted = DateTimeOffset.UtcNow;
        SlurmJobOutcome outcome;
        try
        {
            outcome = await slurm.RunAsync(request, cancellation);
        }
        catch (SlurmException e)
        {
            throw new ChainException(e.Message);
        }
        if (!outcome.Succeeded)
            throw new ChainException($"{outcome.Message} (Slurm's output: {Shown.Path(request.ErrorFile(outcome.JobId ?? "<id>"))})");
        var (record, problem) = RunRecords.Read(job.Workspace.Record(job.Run));
        if (record is null || (!outcome.Reattached && record.Written < submitted.AddMinutes(-1)))
            throw new ChainException(
                $"job {outcome.JobId} ended but left no run record ({problem ?? "none written"}): see {Shown.Path(request.ErrorFile(outcome.JobId!))}"
            );
        if (record.Status == "failed")
            throw new ChainException($"{record.Reason} (job {outcome.JobId})", recorded: true);
    }
}
