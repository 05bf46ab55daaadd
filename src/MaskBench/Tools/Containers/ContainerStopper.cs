namespace MaskBench.Tools.Containers;

/// <summary>Stops a container by name (the engine signals every process in it), and the engine client that
/// started it with whatever else carries the tree's mark.</summary>
sealed class ContainerStopper(string engine, string container, IReadOnlyDictionary<string, string?> variables, string? mark)
    : IProcessTreeStopper
{
    static readonly TimeSpan EngineTimeout = TimeSpan.FromSeconds(30);

    readonly ProcessGroupStopper client = new(mark);

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
        return listed is { Ok: true } && listed.StandardOutput.Trim().Length == 0 && await client.IsGoneAsync();
    }

    async Task<ProcessResult> Engine(params string[] arguments)
    {
        var spec = new ProcessSpec(
            [engine, .. arguments],
            Directory.GetCurrentDirectory(),
            variables.Where(v => v.Value is not null && v.Key != ProcessMark.Variable).ToDictionary(v => v.Key, v => v.Value!)
        );
        var result = await ProcessRunner.RunAsync(spec, new ProcessOptions { What = $"{engine} {arguments[0]}", Timeout = EngineTimeout });
        if (!result.Ok && !(arguments[0] == "kill" && result.End == ProcessEnd.Exited))
            Serilog.Log.Warning("{Message}", result.Message);
        return result;
    }
}
