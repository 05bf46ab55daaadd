namespace MaskBench.Telemetry;

/// <summary>One short <c>nvidia-smi</c> query through <see cref="ShortCommand"/>.</summary>
static class Smi
{
    public const string Program = "nvidia-smi";

    public static Task<ShortCommand.Result?> RunAsync(string nvidiaSmi, IEnumerable<string> arguments, CancellationToken cancellation) =>
        ShortCommand.TryRunAsync(nvidiaSmi, arguments, timeout: TimeSpan.FromSeconds(30), cancellation: cancellation);

    public static IEnumerable<string> Rows(ShortCommand.Result result) =>
        result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static string LastLine(ShortCommand.Result result) =>
        result.LastLines(1).FirstOrDefault()?.Trim() is { Length: > 0 } line ? line : $"exit code {result.ExitCode}";
}
