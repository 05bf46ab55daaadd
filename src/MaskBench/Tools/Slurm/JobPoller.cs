using Serilog;

namespace MaskBench.Tools.Slurm;

/// <summary>Watches every in-flight job of a build with ONE query a cycle (squeue; sacct only for jobs that left the
/// queue, and only where accounting exists), backing off while nothing changes. One instance per build, shared by all
/// waiting trainings. Cancelling a wait cancels its job; cancellations that arrive together go out as one scancel. A
/// cancellation interrupts the query in flight (a hung squeue holds no scancel back), and while a cancelled job's end
/// is being confirmed each query may take <see cref="ConfirmLimit"/> at most.</summary>
internal sealed class JobPoller(SlurmClient client, PollPolicy policy)
{
    sealed class Waiter(string jobId, string label, string? exitMarker)
    {
        public string JobId => jobId;
        public string Label => label;
        public string? ExitMarker => exitMarker;
        public TaskCompletionSource<JobSnapshot> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public JobSnapshot? Last { get; set; }
        public DateTimeOffset? MissingSince { get; set; }
        public bool CancelRequested { get; set; }
        public DateTimeOffset? CancelSentAt { get; set; }
    }

    /// <summary>The state a query failure ends a wait with: the job may still run (its journal entry stays).</summary>
    public const string Unreachable = "UNREACHABLE";

    /// <summary>The state of a job neither squeue nor sacct lists that left no exit marker of its own.</summary>
    public const string Forgotten = "UNKNOWN";

    /// <summary>How long a query may take while a cancelled job's end is confirmed: a build told to stop does not wait
    /// a whole <see cref="SlurmCommands.CallTimeout"/> for a controller that does not answer.</summary>
    public static readonly TimeSpan ConfirmLimit = TimeSpan.FromSeconds(5);

    static readonly TimeSpan Gather = TimeSpan.FromMilliseconds(50);

    readonly Lock gate = new();
    readonly Dictionary<string, Waiter> waiters = [];
    readonly SemaphoreSlim wake = new(0);
    Task? loop;
    bool? accounting;

    /// <summary>Cancelled by a cancellation, to end the query in flight; replaced by a fresh one once it has been.</summary>
    CancellationTokenSource interrupt = new();

    /// <summary>How many queries (squeue and sacct) and scancel calls were made: the batching, for tests and benchmarks.</summary>
    public int Queries { get; private set; }

    public int Cancels { get; private set; }

    /// <summary>Waits for the job to be over (ended, to be rerun, or its end unknown) and returns its last state.</summary>
    /// <param name="label">The run's name, for the log.</param>
    /// <param name="cancellation">Cancels the job itself (scancel), then waits up to CancelWait for it to leave.</param>
    public async Task<JobSnapshot> WaitAsync(string jobId, string label, string? exitMarker, CancellationToken cancellation)
    {
        var waiter = new Waiter(jobId, label, exitMarker);
        lock (gate)
        {
            if (!waiters.TryAdd(jobId, waiter))
                throw new InvalidOperationException($"job {jobId} is waited for twice");
            if (loop is null)
                using (ExecutionContext.SuppressFlow()) // the loop serves every run: it must not log as the first one's target
                    loop = Task.Run(LoopAsync);
        }
        wake.Release();
        await using (cancellation.Register(() => RequestCancel(waiter)))
            return await waiter.Done.Task;
    }

    void RequestCancel(Waiter waiter)
    {
        CancellationTokenSource query;
        lock (gate)
        {
            waiter.CancelRequested = true;
            query = interrupt;
        }
        query.Cancel();
        wake.Release();
    }

    /// <summary>The loop, guarded: whatever breaks it fails every wait (their jobs stay journalled) rather than leaving
    /// them waiting forever.</summary>
    async Task LoopAsync()
    {
        try
        {
            await PollAsync();
        }
        catch (Exception e)
        {
            Log.Error(e, "Slurm: the job poller failed");
            List<Waiter> left;
            lock (gate)
            {
                left = [.. waiters.Values];
                waiters.Clear();
                loop = null;
            }
            foreach (var waiter in left)
                waiter.Done.TrySetException(new SlurmException($"watching job {waiter.JobId} failed: {e.Message}"));
        }
    }

    async Task PollAsync()
    {
        var delay = policy.First;
        var failures = 0;
        while (true)
        {
            List<Waiter> current;
            CancellationToken interrupted;
            lock (gate)
            {
                if (waiters.Count == 0)
                {
                    loop = null;
                    return;
                }
                current = [.. waiters.Values];
                if (interrupt.IsCancellationRequested)
                    interrupt = new(); // the one cancelled is left to the collector: a late Cancel on it must not throw
                interrupted = interrupt.Token;
            }
            await CancelRequestedAsync(current);
            var confirming = current.Any(w => w.CancelSentAt is not null);
            QueryResult result;
            try
            {
                result = await QueryAsync(current, interrupted, confirming ? ConfirmLimit : null);
            }
            catch (OperationCanceledException) when (interrupted.IsCancellationRequested)
            {
                await Task.Delay(Gather); // a cancellation came: its scancel (with those that come along) goes out now
                continue;
            }
            var changed = false;
            if (!result.Ok)
            {
                failures++;
                Log.Warning("Slurm: job query failed ({Count} of {Max} in a row): {Failure}", failures, policy.MaxFailures, result.Failure);
                foreach (var waiter in current.Where(w => w.CancelSentAt is not null))
                    Finish(
                        waiter,
                        new JobSnapshot(waiter.JobId, "CANCELLED", $"scancel sent; its end was not confirmed: {result.Failure}", null, null)
                    );
                if (failures >= policy.MaxFailures)
                    foreach (var waiter in current)
                        Finish(
                            waiter,
                            new JobSnapshot(
                                waiter.JobId,
                                Unreachable,
                                $"{failures} job queries failed in a row; the last: {result.Failure}",
                                null,
                                null
                            )
                        );
            }
            else
            {
                failures = 0;
                foreach (var waiter in current)
                    changed |= Observe(waiter, result.Jobs.GetValueOrDefault(waiter.JobId));
            }
            delay = changed ? policy.First : policy.Next(delay);
            if (await wake.WaitAsync(delay))
            {
                delay = policy.First;
                await Task.Delay(Gather); // let waits and cancellations that come together gather
                while (wake.Wait(0)) { }
            }
        }
    }

    /// <summary>squeue for all; sacct (once known to exist) for those squeue no longer lists.</summary>
    async Task<QueryResult> QueryAsync(List<Waiter> current, CancellationToken cancellation, TimeSpan? limit)
    {
        Queries++;
        var queue = await client.QueueAsync([.. current.Select(w => w.JobId)], cancellation, limit);
        var missing = current.Where(w => !queue.Jobs.ContainsKey(w.JobId)).Select(w => w.JobId).ToList();
        if (!queue.Ok || missing.Count == 0)
            return queue;
        if (accounting is null)
        {
            var (keeps, silence) = await client.HasAccountingAsync(cancellation, limit);
            if (silence is not null)
                Log.Warning("Slurm: {Silence}: going on as if the cluster kept no accounting (the jobs' exit markers tell)", silence);
            accounting = keeps;
        }
        if (accounting != true)
            return queue;
        Queries++;
        var accounted = await client.AccountingAsync(missing, cancellation, limit);
        if (!accounted.Ok)
            return accounted;
        return new QueryResult(queue.Jobs.Concat(accounted.Jobs).ToDictionary(j => j.Key, j => j.Value), null);
    }

    async Task CancelRequestedAsync(List<Waiter> current)
    {
        var now = DateTimeOffset.UtcNow;
        List<Waiter> cancel;
        lock (gate)
            cancel = current.Where(w => w.CancelRequested && w.CancelSentAt is null).ToList();
        foreach (var waiter in current.Where(w => w.CancelSentAt is { } sent && now - sent > policy.CancelWait))
            Finish(
                waiter,
                new JobSnapshot(
                    waiter.JobId,
                    "CANCELLED",
                    $"scancel sent; still {waiter.Last?.State} {policy.CancelWait.TotalSeconds:0} s later",
                    null,
                    null
                )
            );
        if (cancel.Count == 0)
            return;
        Cancels++;
        // The cleanup of a cancellation: it runs on a token of its own, bounded by the call's timeout.
        var complaint = await client.CancelAsync([.. cancel.Select(w => w.JobId)], CancellationToken.None);
        if (complaint is not null)
            Log.Warning("Slurm: {Complaint}", complaint);
        foreach (var waiter in cancel)
            waiter.CancelSentAt = now;
    }

    /// <summary>Takes a job's state from the query; true when it changed.</summary>
    bool Observe(Waiter waiter, JobSnapshot? seen)
    {
        if (seen is null)
            return Missing(waiter);
        waiter.MissingSince = null;
        var changed = waiter.Last is null || waiter.Last.State != seen.State || waiter.Last.Reason != seen.Reason;
        if (changed)
            Log.Information("{Run}: job {Job} {State} ({Reason})", waiter.Label, waiter.JobId, seen.State, seen.Reason);
        waiter.Last = seen;
        if (JobStates.IsOver(seen.State))
            Finish(waiter, seen);
        return changed;
    }

    /// <summary>Neither squeue nor sacct lists the job: after a grace, the reason Slurm gave while it was ending tells
    /// (a job purged right after COMPLETING, see <see cref="JobStates.EndingOf"/>), else its exit marker, else its end
    /// is unknown.</summary>
    bool Missing(Waiter waiter)
    {
        var now = DateTimeOffset.UtcNow;
        waiter.MissingSince ??= now;
        if (now - waiter.MissingSince < policy.MissingGrace)
            return false;
        if (waiter.Last is { } last && JobStates.EndingOf(last) is { } ending)
        {
            var reason = $"{last.Reason}: squeue showed it COMPLETING, then Slurm purged it before its end state was seen";
            Log.Information("{Run}: job {Job} {State} ({Reason})", waiter.Label, waiter.JobId, ending, reason);
            Finish(waiter, new JobSnapshot(waiter.JobId, ending, reason, last.ExitCode, last.Signal));
            return true;
        }
        if (waiter.ExitMarker is { } marker && ExitMarker.Read(marker, waiter.JobId) is { } code)
        {
            Finish(waiter, new JobSnapshot(waiter.JobId, code == 0 ? "COMPLETED" : "FAILED", $"read from {marker}", code, 0));
            return true;
        }
        var where = accounting == true ? "squeue nor sacct lists it" : "squeue no longer lists it and the cluster keeps no accounting";
        Finish(waiter, new JobSnapshot(waiter.JobId, Forgotten, $"{where}, and it left no exit marker of its own", null, null));
        return true;
    }

    void Finish(Waiter waiter, JobSnapshot end)
    {
        lock (gate)
            waiters.Remove(waiter.JobId);
        waiter.Done.TrySetResult(end);
    }
}
