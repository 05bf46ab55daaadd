using CliWrap;
using CliWrap.Buffered;
using Serilog;

namespace MaskBench.Running;

/// <summary>Stops a container by name (the engine signals every process in it), and the engine client that
/// started it.</summary>
sealed class ContainerStopper(string engine, string container, IReadOnlyDictionary<string, string?> variables) : IProcessTreeStopper
{
    static readonly TimeSpan EngineTimeout = TimeSpan.FromSeconds(30);

    readonly ProcessGroupStopper client = new();

    public void Started(int processId) => client.Started(processId);

    public Task InterruptAsync() => Engine("kill", "--signal", "SIGINT", container);

    public async Task KillAsync()
    {
        await Engine("kill", "--signal", "SIGKILL", container);
        await client.KillAsync();
    }

    /// <summary>Gone once the engine answers and lists no container of that name, running or being removed.</summary>
    public async Task<bool> IsGoneAsync()
    {
        var listed = await Engine("ps", "-a", "-q", "--filter", $"name=^{container}$");
        return listed is { ExitCode: 0 } && listed.StandardOutput.Trim().Length == 0 && await client.IsGoneAsync();
    }

    async Task<BufferedCommandResult?> Engine(params string[] arguments)
    {
        using var limit = new CancellationTokenSource(EngineTimeout);
        try
        {
            return await Cli.Wrap(engine)
                .WithArguments(arguments)
                .WithEnvironmentVariables(variables)
                .WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            Log.Warning("{Engine} {Command} did not answer within {Timeout}", engine, arguments[0], EngineTimeout);
            return null;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Log.Warning("cannot run {Engine}: {Error}", engine, e.Message);
            return null;
        }
    }
}
