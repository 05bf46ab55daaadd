using MaskBench.Foundation.Files;
using MaskBench.Foundation.Text;
using MaskBench.Model;
using MaskBench.Model.Records;
using MaskBench.Tools.Slurm;

namespace MaskBench.Stages.Train;

/// <summary>What an executor's job runs on its node (<c>./build.sh Supervise --job job.json</c>): preflight's GPU checks
/// there (<see cref="NodePreflight"/>), the training, exactly as the local executor runs it, then an exit marker beside the job file, written last, for a scheduler that has
/// forgotten the job. Whatever happens, the run's record says it. A TERM inside the job (Slurm's backstop ahead of the time
/// limit) ends it with <see cref="TimeLimit.TermExitCode"/>, which the submit host judges as a time limit.</summary>
internal static class Supervisor
{
    /// <summary>The run's reason when Slurm's TERM ahead of the time limit stopped the training.</summary>
    public const string TimeLimitReason = "the job's time limit was reached: Slurm's TERM ahead of it stopped the training";

    public static async Task RunAsync(string jobFile, CancellationToken cancellation)
    {
        var job = TrainJob.Read(jobFile);
        using var term = new BackstopSignal();
        try
        {
            await NodePreflight.EnsureAsync(job, cancellation);
            await TrainJobRunner.RunAsync(job, cancellation);
        }
        catch (Exception e) when (e is not ChainException { Recorded: true })
        {
            Record(job, ReasonText.OneLine(e is OperationCanceledException ? ChainStage.Cancelled : e.Message));
        }
        catch (ChainException) { }
        finally
        {
            if (term.Received)
                Record(job, TimeLimitReason);
            AtomicFile.WriteAllText(
                Path.Combine(Path.GetDirectoryName(Path.GetFullPath(jobFile))!, SlurmTrainExecutor.ExitMarkerName),
                ExitMarker.Text(term.Received ? TimeLimit.TermExitCode : 0)
            );
        }
        if (term.Received)
            throw new JobTimeLimitException(TimeLimitReason);
    }

    static void Record(TrainJob job, string reason)
    {
        Directory.CreateDirectory(job.Workspace.Run(job.Run));
        RunRecords.Write(
            job.Workspace.Record(job.Run),
            RunRecordOf.Make(job.Run, "failed", "Train", reason, job.Workspace.RunFile(job.Run, RunFiles.Log))
        );
    }
}
