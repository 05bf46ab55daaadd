using System.Diagnostics;
using CliWrap;

namespace MaskBench.Tools.Processes;

/// <summary>A started process tree: its local process, the task of its end, and how to stop all of it.</summary>
internal sealed class RunningProcess : IDisposable
{
    readonly CommandTask<CommandResult> task;
    readonly CancellationTokenSource forceful;

    RunningProcess(HostedProcess hosted, CommandTask<CommandResult> task, CancellationTokenSource forceful)
    {
        Hosted = hosted;
        this.task = task;
        this.forceful = forceful;
        Completion = Wait();
    }

    public HostedProcess Hosted { get; }

    public int ProcessId => task.ProcessId;

    /// <summary>The exit code once the process ended and its pipes closed; null when <see cref="GiveUpOnPipes"/> ended the wait.</summary>
    public Task<int?> Completion { get; }

    /// <summary>Starts <paramref name="hosted"/> with its output going to the two pipe targets. Throws
    /// <see cref="RunnerException"/> (<c>cannot start …</c>) when it cannot be started.</summary>
    internal static RunningProcess Start(HostedProcess hosted, PipeTarget standardOutput, PipeTarget standardError) =>
        TryStart(hosted, standardOutput, standardError, out var problem)
        ?? throw new RunnerException($"cannot start {hosted.Shown}: {problem}");

    /// <returns>Null when it cannot be started, with why in <paramref name="problem"/>.</returns>
    internal static RunningProcess? TryStart(HostedProcess hosted, PipeTarget standardOutput, PipeTarget standardError, out string? problem)
    {
        problem = ProgramLookup.Missing(hosted.Shown, hosted.WorkingDirectory, hosted.Variables);
        if (problem is null && !Directory.Exists(hosted.WorkingDirectory))
            problem = $"its working directory {hosted.WorkingDirectory} does not exist";
        if (problem is not null)
            return null;
        var forceful = new CancellationTokenSource();
        var command = hosted.ToCommand().WithStandardOutputPipe(standardOutput).WithStandardErrorPipe(standardError);
        CommandTask<CommandResult> task;
        try
        {
            task = Spawner.Run(() => command.ExecuteAsync(forceful.Token));
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            forceful.Dispose();
            problem = e.Message;
            return null;
        }
        hosted.Stopper.Started(task.ProcessId);
        return new RunningProcess(hosted, task, forceful);
    }

    /// <summary>Interrupt, wait up to <paramref name="grace"/>, kill; then stop waiting for pipes a lost process may
    /// hold. Returns the clock's time when the tree was gone, null when it survived the kill.</summary>
    public async Task<double?> StopAsync(TimeSpan grace, Stopwatch clock)
    {
        var gone = await TreeStop.RunAsync(Hosted.Stopper, grace, clock);
        if (await Task.WhenAny(Completion, Task.Delay(TimeSpan.FromSeconds(5))) != Completion)
            GiveUpOnPipes();
        return gone;
    }

    /// <summary>The tree is gone but a pipe stays open (a process outside it holds it): end the wait.</summary>
    public void GiveUpOnPipes() => forceful.Cancel();

    async Task<int?> Wait()
    {
        try
        {
            return (await task).ExitCode;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    public void Dispose() => forceful.Dispose();
}
