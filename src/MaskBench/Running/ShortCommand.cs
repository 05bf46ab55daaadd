using CliWrap;
using CliWrap.Buffered;

namespace MaskBench.Running;

/// <summary>Runs a short command to its end and keeps its output: probes, builds, engine calls.</summary>
static class ShortCommand
{
    public sealed record Result(int ExitCode, string StandardOutput, string StandardError)
    {
        public bool Ok => ExitCode == 0;

        public IReadOnlyList<string> LastLines(int count) =>
            (StandardOutput + StandardError).Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(count).ToList();
    }

    /// <summary>Returns null when the program cannot be started at all (not installed).</summary>
    public static async Task<Result?> TryRunAsync(
        string program,
        IEnumerable<string> arguments,
        string? workingDirectory = null,
        IReadOnlyDictionary<string, string?>? variables = null,
        TimeSpan? timeout = null,
        CancellationToken cancellation = default
    )
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        limit.CancelAfter(timeout ?? TimeSpan.FromMinutes(1));
        try
        {
            var result = await Cli.Wrap(program)
                .WithArguments(arguments)
                .WithWorkingDirectory(workingDirectory ?? Directory.GetCurrentDirectory())
                .WithEnvironmentVariables(variables ?? new Dictionary<string, string?>())
                .WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync(limit.Token);
            return new Result(result.ExitCode, result.StandardOutput, result.StandardError);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            return new Result(-1, "", $"{program} did not finish within {timeout ?? TimeSpan.FromMinutes(1)}");
        }
    }

    /// <summary>Runs a <see cref="ProcessSpec"/> through a host (in the environment) and waits for its end; on a
    /// timeout or a cancellation the whole tree (the container too) is stopped, not only the client.</summary>
    public static async Task<Result?> TryRunAsync(
        IExecutionHost host,
        ProcessSpec spec,
        string name,
        TimeSpan timeout,
        CancellationToken cancellation = default
    )
    {
        var hosted = host.Prepare(spec, name);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        limit.CancelAfter(timeout);
        try
        {
            var running = hosted.ToCommand().ExecuteBufferedAsync(limit.Token);
            hosted.Stopper.Started(running.ProcessId);
            var result = await running;
            return new Result(result.ExitCode, result.StandardOutput, result.StandardError);
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return null;
        }
        catch (OperationCanceledException)
        {
            await TreeStop.RunAsync(hosted.Stopper, TimeSpan.FromSeconds(5), System.Diagnostics.Stopwatch.StartNew());
            if (cancellation.IsCancellationRequested)
                throw;
            return new Result(-1, "", $"{spec.Command[0]} did not finish within {timeout}");
        }
    }
}
