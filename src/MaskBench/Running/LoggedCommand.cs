using CliWrap;
using Serilog;

namespace MaskBench.Running;

/// <summary>Runs a long command (an image build, an extension build, a preprocessing step) with its output
/// streamed to the log line by line; a failure ends in one message with the last lines.</summary>
public static class LoggedCommand
{
    public static async Task RunAsync(string what, HostedProcess hosted, TimeSpan timeout, CancellationToken cancellation = default)
    {
        var last = new Queue<string>();
        void Line(string line)
        {
            Log.Information("{What} | {Line:l}", what, line);
            lock (last)
            {
                last.Enqueue(line);
                if (last.Count > 25)
                    last.Dequeue();
            }
        }
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        limit.CancelAfter(timeout);
        CommandResult result;
        try
        {
            var running = hosted
                .ToCommand()
                .WithStandardOutputPipe(PipeTarget.ToDelegate(Line))
                .WithStandardErrorPipe(PipeTarget.ToDelegate(Line))
                .ExecuteAsync(limit.Token);
            hosted.Stopper.Started(running.ProcessId);
            result = await running;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            throw new RunnerException($"{what}: cannot start {hosted.Program} ({e.Message}); is it installed?");
        }
        catch (OperationCanceledException)
        {
            // Only the client was killed: a named container or re-parented children may still run.
            await TreeStop.RunAsync(hosted.Stopper, TimeSpan.FromSeconds(5), System.Diagnostics.Stopwatch.StartNew());
            if (cancellation.IsCancellationRequested)
                throw;
            throw new RunnerException($"{what} did not finish within {timeout}");
        }
        if (result.ExitCode != 0)
            throw new RunnerException(
                $"{what} failed with exit code {result.ExitCode}; the last lines:\n" + string.Join("\n", last.Select(l => "  " + l))
            );
    }
}
