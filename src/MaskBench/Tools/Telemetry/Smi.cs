using System.Text.RegularExpressions;

namespace MaskBench.Tools.Telemetry;

/// <summary>One short <c>nvidia-smi</c> query through <see cref="ProcessRunner"/>, bounded by <see cref="Timeout"/>, and
/// the reading of its CSV rows as GPUs.</summary>
static partial class Smi
{
    public const string Program = "nvidia-smi";

    /// <summary>How long one query may take: a healthy driver answers in well under a second.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    const int ShownLength = 80;

    /// <summary>The query's result; a query that does not answer within <see cref="Timeout"/> is stopped and
    /// fails in one line (a <see cref="RunnerException"/>); a cancellation throws <see cref="OperationCanceledException"/>.</summary>
    public static async Task<ProcessResult> RunAsync(string nvidiaSmi, IEnumerable<string> arguments, CancellationToken cancellation)
    {
        var given = arguments.ToList();
        var result = await ProcessRunner.RunAsync(nvidiaSmi, given, new ProcessOptions { Timeout = Timeout }, cancellation);
        if (result.End == ProcessEnd.TimedOut)
            throw new RunnerException(
                $"{nvidiaSmi} did not answer within {Timeout.TotalSeconds:0} s ({string.Join(' ', given)}) and was stopped: the NVIDIA driver may be hung; check that `nvidia-smi` answers by itself (or that the nvidia-smi first on PATH is the driver's), or pass --gpus 0 to train on the CPU"
            );
        return result;
    }

    public static IEnumerable<string> Rows(ProcessResult result) => Rows(result.StandardOutput);

    static IEnumerable<string> Rows(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static string LastLine(ProcessResult result) =>
        result.LastOutputLines(1).FirstOrDefault()?.Trim() is { Length: > 0 } line ? line : $"exit code {result.ExitCode}";

    /// <summary>The rows of a <c>--query-gpu</c> answer split into their cells, each row checked to be the fields
    /// asked for (<paramref name="fields"/>, for the message); a row that is not (a tool that prints something else
    /// and exits 0) fails in one line naming it, so nothing is made of it.</summary>
    public static IReadOnlyList<string[]> GpuRows(string output, string fields, Func<string[], bool> valid)
    {
        var rows = Rows(output).Select(SmiValue.Split).ToList();
        if (rows.FirstOrDefault(cells => !valid(cells)) is { } bad)
        {
            var line = string.Join(", ", bad);
            var shown = line.Length > ShownLength ? line[..ShownLength] + "…" : line;
            throw new RunnerException(
                $"nvidia-smi's output could not be read as GPUs: '{shown}' is not '{fields}' (one line per GPU); fix the NVIDIA driver or the nvidia-smi first on PATH, or pass --gpus 0 to train on the CPU"
            );
        }
        return rows;
    }

    /// <summary>A GPU's name: something printable that is not a number.</summary>
    public static bool IsName(string cell) => cell.Length > 0 && !SmiValue.Missing(cell) && !cell.Any(char.IsControl);

    /// <summary>A dotted version (<c>535.104.05</c>, <c>9.0</c>), or a value the driver does not know ([N/A]).</summary>
    public static bool IsVersionOrMissing(string cell) => SmiValue.Missing(cell) || Version().IsMatch(cell);

    [GeneratedRegex(@"^[0-9]+(\.[0-9]+)+$")]
    private static partial Regex Version();
}
