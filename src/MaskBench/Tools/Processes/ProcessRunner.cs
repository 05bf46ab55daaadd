using System.Diagnostics;
using Serilog;

namespace MaskBench.Tools.Processes;

/// <summary>The one way MaskBench runs a process: an argument list (never a shell string), a working folder and
/// variables, through a host (here or in a container), with a timeout; a timeout or a cancellation stops the whole
/// tree (interrupt, grace, kill), also the container and any daemon it left. Output is captured and, if asked,
/// streamed line by line to the log or a callback.</summary>
internal static class ProcessRunner
{
    /// <summary>Runs a command on this machine.</summary>
    public static Task<ProcessResult> RunAsync(ProcessSpec spec, ProcessOptions options, CancellationToken cancellation = default) =>
        RunAsync(new LocalHost(), spec, options, cancellation);

    /// <summary>Runs <c>program arguments…</c> on this machine, in the current folder.</summary>
    public static Task<ProcessResult> RunAsync(
        string program,
        IEnumerable<string> arguments,
        ProcessOptions options,
        CancellationToken cancellation = default
    ) =>
        RunAsync(
            new ProcessSpec([program, .. arguments], Directory.GetCurrentDirectory(), new Dictionary<string, string>()),
            options,
            cancellation
        );

    /// <summary>Runs a command through <paramref name="host"/> and waits for its end. A cancellation stops the tree
    /// and then throws <see cref="OperationCanceledException"/>; a timeout stops it and returns
    /// <see cref="ProcessEnd.TimedOut"/>; a program that is not there returns <see cref="ProcessEnd.NotStarted"/>.</summary>
    public static async Task<ProcessResult> RunAsync(
        IExecutionHost host,
        ProcessSpec spec,
        ProcessOptions options,
        CancellationToken cancellation = default
    )
    {
        cancellation.ThrowIfCancellationRequested();
        var shown = spec.Command.Count > 0 ? Path.GetFileName(spec.Command[0]) : "(no program)";
        var name = options.Name ?? ContainerNames.Safe($"maskbench-{options.What ?? shown}-{Guid.NewGuid():N}");
        var hosted = host.Prepare(spec with { Contained = spec.Contained || options.StopLeftovers }, name.Length > 60 ? name[..60] : name);
        var output = new OutputCapture(options, shown);
        var clock = Stopwatch.StartNew();
        var running = RunningProcess.TryStart(hosted, output.Out, output.Error, out var problem);
        if (running is null)
            return output.Result(ProcessEnd.NotStarted, null, clock.Elapsed, problem);
        using (running)
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            limit.CancelAfter(options.Timeout);
            while (!running.Completion.IsCompleted && !limit.IsCancellationRequested)
            {
                try
                {
                    await running.Completion.WaitAsync(options.ProgressEvery ?? Timeout.InfiniteTimeSpan, limit.Token);
                }
                catch (TimeoutException)
                {
                    Log.Information(
                        "{What}: still running after {Elapsed:%m'm'ss's'} (stopped after {Timeout})",
                        options.What ?? shown,
                        clock.Elapsed,
                        options.Timeout
                    );
                }
                catch (OperationCanceledException) { }
            }
            if (!running.Completion.IsCompleted)
            {
                await running.StopAsync(options.Grace, clock);
                cancellation.ThrowIfCancellationRequested();
                return output.Result(ProcessEnd.TimedOut, null, clock.Elapsed, options.Timeout.ToString());
            }
            var exitCode = await running.Completion;
            // The program ended; a child it left (a server, a daemon) is stopped only when asked.
            if (options.StopLeftovers && !await hosted.Stopper.IsGoneAsync())
            {
                Log.Warning(
                    "{What}: {Program} exited but left processes behind: stopping them: {Left}",
                    options.What ?? shown,
                    shown,
                    string.Join("; ", hosted.Stopper.Left())
                );
                await TreeStop.RunAsync(hosted.Stopper, options.Grace, clock);
            }
            return output.Result(ProcessEnd.Exited, exitCode, clock.Elapsed, null);
        }
    }
}
