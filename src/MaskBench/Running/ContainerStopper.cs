using CliWrap;
using CliWrap.Buffered;

namespace MaskBench.Running;

/// <summary>Stops a container by name (the engine signals every process in it), and the engine client that
/// started it.</summary>
sealed class ContainerStopper(string engine, string container, IReadOnlyDictionary<string, string?> variables) : IProcessTreeStopper
{
    readonly ProcessGroupStopper client = new();

    public void Started(int processId) => client.Started(processId);

    public Task InterruptAsync() => Engine("kill", "--signal", "SIGINT", container);

    public async Task KillAsync()
    {
        await Engine("kill", "--signal", "SIGKILL", container);
        await client.KillAsync();
    }

    public async Task<bool> IsGoneAsync()
    {
        var running = await Engine("ps", "-q", "--filter", $"name=^{container}$");
        return running.Trim().Length == 0 && await client.IsGoneAsync();
    }

    async Task<string> Engine(params string[] arguments)
    {
        var result = await Cli.Wrap(engine)
            .WithArguments(arguments)
            .WithEnvironmentVariables(variables)
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync();
        return result.StandardOutput;
    }
}
