using MaskBench.Foundation.Files;
using MaskBench.Foundation.Text;
using MaskBench.Model;
using MaskBench.Model.Records;
using MaskBench.Tools.Slurm;

namespace MaskBench.Stages.Train;

/// <summary>What an executor's job runs on its node (<c>./build.sh Supervise --job job.json</c>): preflight's GPU checks
/// there (<see cref="NodePreflight"/>), the training, exactly as the local executor runs it, then an exit marker beside the job file, written last, for a scheduler that has
/// forgotten the job. Whatever happens, the run's record says it.</summary>
internal static class Supervisor
{
    public static async Task RunAsync(string jobFile, CancellationToken cancellation)
    {
        var job = TrainJob.Read(jobFile);
        try
        {
            await NodePreflight.EnsureAsync(job, cancellation);
            await TrainJobRunner.RunAsync(job, cancellation);
        }
        catch (Exception e) when (e is not ChainException { Recorded: true })
        {
            Directory.CreateDirectory(job.Workspace.Run(job.Run));
            RunRecords.Write(
                job.Workspace.Record(job.Run),
                RunRecordOf.Make(
                    job.Run,
                    "failed",
                    "Train",
                    ReasonText.OneLine(e is OperationCanceledException ? ChainStage.Cancelled : e.Message),
                    job.Workspace.RunFile(job.Run, RunFiles.Log)
                )
            );
        }
        catch (ChainException) { }
        finally
        {
            AtomicFile.WriteAllText(
                Path.Combine(Path.GetDirectoryName(Path.GetFullPath(jobFile))!, SlurmTrainExecutor.ExitMarkerName),
                ExitMarker.Text(0)
            );
        }
    }
}
