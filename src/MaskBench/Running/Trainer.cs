using System.Diagnostics;
using CliWrap;
using Serilog;

namespace MaskBench.Running;

/// <summary>Runs one training through its host, records its log, stops it once the window is complete (or it
/// fails, hangs or runs out of time) and says how it went.</summary>
public static class Trainer
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
        var clock = Stopwatch.StartNew();
        var state = new LiveState(request);
        var hosted = request.Host.Prepare(request.Process, $"maskbench-{request.Id}-{started:yyyyMMddHHmmss}-{Environment.ProcessId}");
        Log.Information("{Id}: training on {Host} in {Directory}", request.Id, request.Host.Description, request.Process.WorkingDirectory);

        Execution execution;
        await using (var recorder = new LineRecorder(folder.Path, clock, state.OnLine))
        {
            execution = await ExecuteAsync(request, hosted, recorder, state, clock, cancellation);
        }
        var ended = DateTimeOffset.UtcNow;
        PreciseFiles.CopyBeside(request.OutputDirectory, request.PreciseFile, folder.Path);

        var verdict = RunVerdict.Judge(request, state, execution);
        var manifest = new RunManifest(request, hosted, started, ended, execution, verdict, gpus, versions);
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
        using var forceful = new CancellationTokenSource();
        var command = hosted
            .ToCommand()
            .WithStandardOutputPipe(PipeTarget.Create((stream, token) => recorder.PumpAsync(stream, "stdout", token)))
            .WithStandardErrorPipe(PipeTarget.Create((stream, token) => recorder.PumpAsync(stream, "stderr", token)));
        if (!Directory.Exists(request.Process.WorkingDirectory))
            return new Execution(
                null,
                null,
                null,
                null,
                $"the working directory {request.Process.WorkingDirectory} does not exist: run Patch first, or fix the recipe's workingDirectory"
            );
        CommandTask<CommandResult> running;
        try
        {
            running = command.ExecuteAsync(forceful.Token);
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return new Execution(null, null, null, null, $"cannot start {hosted.Program}: {e.Message}");
        }
        hosted.Stopper.Started(running.ProcessId);

        string? reason = null;
        Task<double?>? stopping = null;
        int? exitCode;
        try
        {
            double? mainGoneAt = null;
            double? stoppedAt = null;
            while (!running.Task.IsCompleted)
            {
                await Task.WhenAny(running.Task, Task.Delay(Tick, CancellationToken.None));
                var now = clock.Elapsed.TotalSeconds;
                if (!ProcessTable.IsAlive(running.ProcessId))
                    mainGoneAt ??= now;
                if (stopping is null)
                {
                    reason = StopReason(request, state, now, mainGoneAt, cancellation);
                    if (reason is not null)
                    {
                        Log.Information("{Id}: stopping the process tree ({Reason})", request.Id, reason);
                        stopping = TreeStop.RunAsync(hosted.Stopper, request.Stop.Grace, clock);
                    }
                }
                else if (stopping.IsCompleted && (stoppedAt ??= now) < now - 5)
                    forceful.Cancel(); // the tree is gone but a pipe stays open: let CliWrap give up on it
            }
            exitCode = (await running).ExitCode;
        }
        catch (OperationCanceledException)
        {
            exitCode = null;
        }
        catch
        {
            // Whatever went wrong here (a pipe, the log file), no training may outlive the runner.
            await TreeStop.RunAsync(hosted.Stopper, TimeSpan.Zero, clock);
            throw;
        }
        var goneAt = stopping is null ? await EnsureGoneAsync(request, hosted, clock) : await stopping;
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
        if (state.Failure is { } failure && now - failure.Seconds > request.Stop.AfterFailure.TotalSeconds)
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
        Log.Warning("{Id}: the training exited but left processes behind: stopping them", request.Id);
        return await TreeStop.RunAsync(hosted.Stopper, request.Stop.Grace, clock);
    }
}
