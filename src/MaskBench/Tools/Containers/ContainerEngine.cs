namespace MaskBench.Tools.Containers;

/// <summary>The container CLI (docker or podman) as Setup drives it: argument lists, output streamed to the log.</summary>
sealed record ContainerEngine(string Program, IReadOnlyDictionary<string, string> Variables)
{
    /// <summary>Runs the engine with its output streamed to the log; a failure throws one line naming the step.</summary>
    public async Task RunAsync(
        string what,
        IReadOnlyList<string> arguments,
        TimeSpan timeout,
        CancellationToken cancellation,
        bool quiet = false
    )
    {
        var result = await ProcessRunner.RunAsync(
            Spec(arguments),
            new ProcessOptions
            {
                What = what,
                Timeout = timeout,
                LogLines = !quiet,
                ProgressEvery = TimeSpan.FromMinutes(1),
            },
            cancellation
        );
        if (!quiet)
            result.EnsureSuccess();
    }

    public async Task<string> OutputAsync(IReadOnlyList<string> arguments, CancellationToken cancellation) =>
        (await QueryAsync(arguments, cancellation)).EnsureSuccess().StandardOutput;

    /// <summary>The engine's output, or null when it fails (an image that is not there).</summary>
    public async Task<string?> TryOutputAsync(IReadOnlyList<string> arguments, CancellationToken cancellation) =>
        await QueryAsync(arguments, cancellation) is { Ok: true } result ? result.StandardOutput : null;

    /// <summary>The image's id, or null when the engine has no such image.</summary>
    public async Task<string?> ImageIdAsync(string image, CancellationToken cancellation) =>
        (await TryOutputAsync(["image", "inspect", "--format", "{{.Id}}", image], cancellation))?.Trim();

    Task<ProcessResult> QueryAsync(IReadOnlyList<string> arguments, CancellationToken cancellation) =>
        ProcessRunner.RunAsync(Spec(arguments), new ProcessOptions { What = $"{Program} {arguments[0]}" }, cancellation);

    ProcessSpec Spec(IReadOnlyList<string> arguments) => new([Program, .. arguments], Directory.GetCurrentDirectory(), Variables);
}
