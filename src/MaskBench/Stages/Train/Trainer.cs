using System.Diagnostics;
using CliWrap;
using MaskBench.Tools.Telemetry;
using Serilog;

namespace MaskBench.Stages.Train;

/// <summary>Runs one training through its host, records its log, stops it once the window is complete (or it
/// fails, hangs or runs out of time) and says how it went.</summary>
internal static class Trainer
{
    static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(50);
    static readonly TimeSpan OrphanWait = TimeSpan.FromSeconds(1);

    public static async Task<RunOutcome> TrainAsync(TrainRequest request, CancellationToken cancellation = default)
    {
        var folder = RunStaging.Begin(request.RunDirectory);
        var started = DateTimeOffset.UtcNow;
        var versions = request.ProbeMachine
            ? await MachineFacts.VersionsAsync(request.Host, request.Process.WorkingDirectory, cancellation)
            : null;
        var gpus = request.ProbeMachine ? await MachineFacts.GpusAsync(cancellation) : null;
        var gpuState = gpus is null ? null : await MaskBench.Tools.Telemetry.GpuStaticState.ReadAsync(cancellation: cancellation);
        var clock = Stopwatch.StartNew();
        // On a GPU host: clocks, power, temperature and throttle reasons about once a second, on the clock of the lines.
        await using var sampler = gpus is null
            ? null
            : await MaskBench.Tools.Telemetry.GpuSampler.StartAsync(folder.Path, clock, cancellation: cancellation);
        var state = new LiveState(request);
        // In a cgroup of its own where the host can: a daemon that drops the environment mark is found there.
        var hosted = request.Host.Prepare(
            request.Process with
            {
                Contained = true,
            },
            $"maskbench-{request.Id}-{started:yyyyMMddHHmmss}-{Environment.ProcessId}"
        );
        Log.Information("{Id}: training on {Host} in {Directory}", request.Id, request.Host.Description, request.Process.WorkingDirectory);

        Execution execution;
        await using (var recorder = new LineRecorder(folder.Path, clock, state.OnLine))
        {
            execution = await ExecuteAsync(request, hosted, recorder, state, clock, cancellation);
        }
        var ended = DateTimeOffset.UtcNow;
        var telemetry = sampler is null ? null : await sampler.StopAsync();
        PreciseFiles.CopyBeside(request.OutputDirectory, request.PreciseFile, folder.Path, cancellation);

        var verdict = RunVerdict.Judge(request, state, execution);
        var manifest = new RunManifest(request, hosted, started, ended, execution, verdict, gpus, versions)
        {
            GpuState = gpuState,
            Telemetry = telemetry,
        };
        manifest.Write(folder.Path);
        request.BeforePublish?.Invoke(folder.Path, verdict.Succeeded, verdict.Summary);
        var final = folder.Finish();
        return verdict.ToOutcome(request, state, execution, final, ended - started);
    }

    /// <param name="Leftover">Processes of the tree survived the kill: they may still hold the GPUs.</param>
    internal sealed record Execution(int? ExitCode, string? StopReason, double? WindowAt, double? GoneAt, string? StartError)
    {
        public bool Leftover => StartError is null && GoneAt is null;
    }

    static async Task<Execution> ExecuteAsync(
        TrainRequest request,
        HostedProcess hosted,
        LineRecorder recorder,
        LiveState state,
        Stopwatch clock,
        CancellationToken cancellation
    )
    {
        if (!Directory.Exists(request.Process.WorkingDirectory))
            return new Execution(
                null,
                null,
                null,
                null,
                $"the working directory {request.Process.WorkingDirectory} does not exist: run Patch first, or fix the recipe's workingDirectory"
            );
        if (request.LiveJournal is { } path)
            await LiveTrainings.StopLeftoversAsync(Path.GetDirectoryName(Path.GetFullPath(path))!, request.Stop.Grace);
        // A host that marks nothing (a Slurm job's own container) cannot be found again from a journal entry.
        var journal = hosted.Mark is null ? null : request.LiveJournal;
        if (journal is not null)
            LiveTrainings.Record(journal, LiveTraining.Before(request.Id, hosted, request.OutputDirectory));
        var running = RunningProcess.TryStart(
            hosted,
            PipeTarget.Create((stream, token) => recorder.PumpAsync(stream, "stdout", token)),
            PipeTarget.Create((stream, token) => recorder.PumpAsync(stream, "stderr", token)),
            out var problem
        );
        if (running is null)
        {
            if (journal is { } nothing)
                LiveTrainings.Forget(nothing);
            return new Execution(null, null, null, null, $"cannot start {hosted.Shown}: {problem}");
        }
        using var _ = running;
        if (journal is { } started)
            LiveTrainings.Record(
                started,
                LiveTraining.Before(request.Id, hosted, request.OutputDirectory) with
                {
                    ProcessGroup = running.ProcessId,
                }
            );

        string? reason = null;
        Task<double?>? stopping = null;
        int? exitCode;
        try
        {
            double? mainGoneAt = null;
            double? stoppedAt = null;
            double? waitingSaid = null;
            while (!running.Completion.IsCompleted)
            {
                await Task.WhenAny(running.Completion, Task.Delay(Tick, CancellationToken.None));
                var now = clock.Elapsed.TotalSeconds;
                if (!ProcessTable.IsAlive(running.ProcessId))
                    mainGoneAt ??= now;
                if (stopping is null)
                {
                    reason = StopReason(request, state, now, mainGoneAt, cancellation);
                    if (reason is null && request.Stop.Mode != "watch" && state.WindowCompleteAt is not null && waitingSaid is null)
                    {
                        waitingSaid = now;
                        Log.Information(
                            "{Id}: window complete; waiting up to {CapExit} for the trainer to exit by itself (cap mode), then stopping it",
                            request.Id,
                            request.Stop.CapExit
                        );
                    }
                    if (reason is not null)
                    {
                        Log.Information("{Id}: stopping the process tree ({Reason})", request.Id, reason);
                        stopping = TreeStop.RunAsync(hosted.Stopper, request.Stop.Grace, clock);
                    }
                }
                else if (stopping.IsCompleted && (stoppedAt ??= now) < now - 5)
                    running.GiveUpOnPipes(); // the tree is gone but a pipe stays open: stop waiting for it
            }
            exitCode = await running.Completion;
        }
        catch
        {
            // Whatever went wrong here (a pipe, the log file), no training may outlive the runner.
            await TreeStop.RunAsync(hosted.Stopper, TimeSpan.Zero, clock);
            throw;
        }
        var goneAt = stopping is null ? await EnsureGoneAsync(request, hosted, clock) : await stopping;
        state.EndEcho();
        if (goneAt is not null && journal is { } finished)
            LiveTrainings.Forget(finished);
        return new Execution(exitCode, reason, state.WindowCompleteAt, goneAt, null);
    }

    static string? StopReason(TrainRequest request, LiveState state, double now, double? mainGoneAt, CancellationToken cancellation)
    {
        if (cancellation.IsCancellationRequested)
            return "cancelled";
        // Before the window: in cap mode a child holding the pipe open must not be waited for until CapExit.
        if (mainGoneAt is { } gone && now - gone > OrphanWait.TotalSeconds)
            return "orphans";
        if (state.WindowCompleteAt is { } window)
            return request.Stop.Mode == "watch" || now - window > request.Stop.CapExit.TotalSeconds ? "window" : null;
        // A failing trainer may finish its traceback; a window that cannot be measured needs no more of the log.
        if (
            state.Failure is { } failure
            && (failure.Kind == LiveState.UnmeasurableWindow || now - failure.Seconds > request.Stop.AfterFailure.TotalSeconds)
        )
            return "failure";
        if (now > request.Timeout.TotalSeconds)
            return "timeout";
        return null;
    }

    /// <summary>The main process exited by itself: stop whatever it left behind.</summary>
    static async Task<double?> EnsureGoneAsync(TrainRequest request, HostedProcess hosted, Stopwatch clock)
    {
        if (await hosted.Stopper.IsGoneAsync())
            return clock.Elapsed.TotalSeconds;
        Log.Warning(
            "{Id}: the training exited but left processes behind: stopping them: {Left}",
            request.Id,
            string.Join("; ", hosted.Stopper.Left())
        );
        return await TreeStop.RunAsync(hosted.Stopper, request.Stop.Grace, clock);
    }
}
