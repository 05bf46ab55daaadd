using MaskBench.Foundation.Files;
using Serilog;

namespace MaskBench.Tools.Slurm;

/// <summary>Runs trainings as batch jobs: writes the script into the run folder, submits it (or re-attaches to the job an
/// earlier invocation journalled), waits through the build's one shared <see cref="JobPoller"/>, judges the final
/// state, resubmits preempted measurements fresh, and returns. Nothing it submitted outlives a cancellation.</summary>
internal sealed class SlurmExecutor(SlurmClient client, JobJournal journal, JobPoller poller, RetryPolicy retry)
{
    public static SlurmExecutor Create(SlurmCommands commands, string workFolder, PollPolicy? polling = null, RetryPolicy? retry = null)
    {
        var client = new SlurmClient(commands);
        return new SlurmExecutor(
            client,
            JobJournal.In(workFolder),
            new JobPoller(client, polling ?? PollPolicy.Default),
            retry ?? RetryPolicy.Default
        );
    }

    public JobPoller Poller => poller;

    public SlurmCommands Commands => client.Commands;

    /// <summary>All trainings in flight together, watched by the same poller (one query a cycle for all).</summary>
    public async Task<IReadOnlyList<SlurmJobOutcome>> RunAllAsync(
        IEnumerable<SlurmJobRequest> requests,
        CancellationToken cancellation = default
    ) => await Task.WhenAll(requests.Select(r => RunAsync(r, cancellation)));

    public async Task<SlurmJobOutcome> RunAsync(SlurmJobRequest request, CancellationToken cancellation = default)
    {
        var hash = request.Identity();
        var (jobId, attempts) = await ReattachAsync(request, hash);
        var reattached = jobId is not null;
        while (true)
        {
            if (jobId is null)
            {
                if (cancellation.IsCancellationRequested)
                    return new(
                        request.RunName,
                        null,
                        "NONE",
                        null,
                        "cancelled",
                        $"{request.RunName}: cancelled before submission",
                        attempts,
                        false,
                        hash
                    );
                Directory.CreateDirectory(request.RunFolder);
                BatchScript.Write(request);
                foreach (var (name, content) in request.Files ?? new Dictionary<string, string>())
                    AtomicFile.WriteAllText(Path.Combine(request.RunFolder, name), content);
                if (request.ExitMarker is { } marker)
                    File.Delete(marker); // an earlier run's marker must not speak for this job
                try
                {
                    jobId = await client.SubmitAsync(request.ScriptPath, request.WorkingDirectory, CancellationToken.None);
                }
                catch (SlurmException e)
                {
                    return new(request.RunName, null, "NONE", null, "submit", $"{request.RunName}: {e.Message}", attempts, false, hash);
                }
                attempts++;
                journal.Record(new JournalEntry(request.RunName, jobId, hash, DateTimeOffset.UtcNow, attempts));
                Log.Information(
                    "{Run}: submitted job {Job} (attempt {Attempt}); Slurm writes {Output}",
                    request.RunName,
                    jobId,
                    attempts,
                    request.OutputFile(jobId)
                );
            }
            var end = await poller.WaitAsync(jobId, request.RunName, request.ExitMarker, cancellation);
            if (end.State == JobPoller.Unreachable)
                return new(
                    request.RunName,
                    jobId,
                    end.State,
                    null,
                    "scheduler",
                    $"{request.RunName}: Slurm did not answer about job {jobId} ({end.Reason}); it may still run: the next build re-attaches to it",
                    attempts,
                    reattached,
                    hash
                );
            if (reattached && end.State == JobPoller.Forgotten)
            {
                // A journalled job Slurm no longer knows that left no marker of its own: the run folder's files are an
                // earlier job's, never its result. Its outcome is unknowable, so the training runs again.
                Log.Warning("{Run}: job {Job} is unknown to Slurm ({Reason}): submitting again", request.RunName, jobId, end.Reason);
                await client.CancelAsync([jobId], CancellationToken.None);
                journal.Remove(request.RunName, jobId);
                (jobId, reattached) = (null, false);
                continue;
            }
            var (kind, message) = JobStates.Judge(jobId, end, cancellation.IsCancellationRequested, request.Resources.TimeLimit);
            if (kind is not null && (kind == "unknown" || JobStates.Retried.Contains(kind)))
                await client.CancelAsync([jobId], CancellationToken.None); // it may still be queued (requeued) or somewhere no query sees: never leave it
            journal.Remove(request.RunName, jobId);
            if (
                kind is not null
                && JobStates.Retried.Contains(kind)
                && attempts < retry.MaxAttempts
                && !cancellation.IsCancellationRequested
            )
            {
                Log.Warning(
                    "{Run}: {Message}; submitting it again fresh (attempt {Next} of {Max})",
                    request.RunName,
                    message,
                    attempts + 1,
                    retry.MaxAttempts
                );
                jobId = null;
                reattached = false;
                continue;
            }
            if (kind is not null && JobStates.Retried.Contains(kind))
                message += $" (after {attempts} attempts: --slurm-attempts)";
            return new(request.RunName, jobId, end.State, end.ExitCode, kind, $"{request.RunName}: {message}", attempts, reattached, hash);
        }
    }

    /// <summary>The journalled job of the run, if its identity (script and the files it reads) is the same; a job of an
    /// older script or other settings is cancelled (its inputs are stale) and forgotten.</summary>
    async Task<(string? JobId, int Attempts)> ReattachAsync(SlurmJobRequest request, string hash)
    {
        if (journal.Find(request.RunName) is not { } entry)
            return (null, 0);
        if (entry.ScriptHash == hash)
        {
            Log.Information(
                "{Run}: re-attaching to job {Job}, submitted {At:u} by an earlier build",
                request.RunName,
                entry.JobId,
                entry.SubmittedAt
            );
            return (entry.JobId, entry.Attempt);
        }
        Log.Warning(
            "{Run}: job {Job} runs an older script or other settings: cancelling it and submitting the current one",
            request.RunName,
            entry.JobId
        );
        await client.CancelAsync([entry.JobId], CancellationToken.None);
        journal.Remove(request.RunName, entry.JobId);
        return (null, 0);
    }
}
