namespace MaskBench.Processes;

/// <summary>The older call shape of <see cref="ProcessRunner"/>, kept for Preflight and MachineFacts until they call
/// <see cref="ProcessRunner"/> themselves: null when the program cannot be started, exit code -1 on a timeout.</summary>
static class ShortCommand
{
    public sealed record Result(int ExitCode, string StandardOutput, string StandardError)
    {
        public bool Ok => ExitCode == 0;

        /// <summary>The last lines of stderr when it has any (a daemon's error; <c>docker info</c> prints its JSON on
        /// stdout even when it fails), else of stdout.</summary>
        public IReadOnlyList<string> LastLines(int count) =>
            (StandardError.Trim().Length > 0 ? StandardError : StandardOutput)
                .Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .TakeLast(count)
                .ToList();

        internal static Result? Of(ProcessResult result) =>
            result.End switch
            {
                ProcessEnd.NotStarted => null,
                ProcessEnd.TimedOut => new Result(-1, result.StandardOutput, result.Message),
                _ => new Result(result.ExitCode ?? -1, result.StandardOutput, result.StandardError),
            };
    }

    public static async Task<Result?> TryRunAsync(
        string program,
        IEnumerable<string> arguments,
        string? workingDirectory = null,
        IReadOnlyDictionary<string, string?>? variables = null,
        TimeSpan? timeout = null,
        CancellationToken cancellation = default
    )
    {
        var given = variables ?? new Dictionary<string, string?>();
        var spec = new ProcessSpec(
            [program, .. arguments],
            workingDirectory ?? Directory.GetCurrentDirectory(),
            given.Where(v => v.Value is not null).ToDictionary(v => v.Key, v => v.Value!)
        )
        {
            Unset = given.Where(v => v.Value is null).Select(v => v.Key).ToList(),
        };
        return Result.Of(
            await ProcessRunner.RunAsync(spec, new ProcessOptions { Timeout = timeout ?? TimeSpan.FromMinutes(1) }, cancellation)
        );
    }

    public static async Task<Result?> TryRunAsync(
        IExecutionHost host,
        ProcessSpec spec,
        string name,
        TimeSpan timeout,
        CancellationToken cancellation = default
    ) => Result.Of(await ProcessRunner.RunAsync(host, spec, new ProcessOptions { Timeout = timeout, Name = name }, cancellation));
}
