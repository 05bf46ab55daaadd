namespace MaskBench.Tools.Telemetry;

/// <summary>One short <c>nvidia-smi</c> query through <see cref="ProcessRunner"/>.</summary>
static class Smi
{
    public const string Program = "nvidia-smi";

    public static Task<ProcessResult> RunAsync(string nvidiaSmi, IEnumerable<string> arguments, CancellationToken cancellation) =>
        ProcessRunner.RunAsync(nvidiaSmi, arguments, new ProcessOptions { Timeout = TimeSpan.FromSeconds(30) }, cancellation);

    public static IEnumerable<string> Rows(ProcessResult result) =>
        result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static string LastLine(ProcessResult result) =>
        result.LastOutputLines(1).FirstOrDefault()?.Trim() is { Length: > 0 } line ? line : $"exit code {result.ExitCode}";
}
