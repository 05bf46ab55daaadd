namespace MaskBench.Tools.Processes;

/// <summary>What a command did: how it ended, its output (up to <see cref="ProcessOptions.CaptureLimit"/>), its last
/// lines, and one line for the user when it failed.</summary>
internal sealed record ProcessResult(
    string? What,
    string Program,
    ProcessEnd End,
    int? ExitCode,
    string StandardOutput,
    string StandardError,
    IReadOnlyList<string> LastLines,
    TimeSpan Duration,
    string? Problem
)
{
    const int ShownLineLength = 300;

    public bool Ok => End == ProcessEnd.Exited && ExitCode == 0;

    public bool Started => End != ProcessEnd.NotStarted;

    /// <summary>One line that names the step and the program: why it failed, with its last lines.</summary>
    public string Message
    {
        get
        {
            var prefix = What is null || What == Program ? "" : What + ": ";
            return End switch
            {
                ProcessEnd.NotStarted => $"{prefix}cannot start {Program} ({Problem}); is it installed?",
                ProcessEnd.TimedOut => $"{prefix}{Program} did not finish within {Problem} and was stopped" + Tail(),
                _ when ExitCode == 0 => $"{prefix}{Program} succeeded",
                _ => $"{prefix}{Program} failed with exit code {ExitCode}" + Tail(),
            };
        }
    }

    /// <summary>The last <paramref name="count"/> lines of stderr when it has any (a daemon's error: <c>docker info</c>
    /// prints its JSON on stdout even when it fails), else of stdout; <see cref="Message"/> alone when the command did
    /// not start or was stopped.</summary>
    public IReadOnlyList<string> LastOutputLines(int count) =>
        End != ProcessEnd.Exited
            ? [Message]
            : (StandardError.Trim().Length > 0 ? StandardError : StandardOutput)
                .Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .TakeLast(count)
                .ToList();

    /// <summary>This result when the command succeeded; otherwise a <see cref="RunnerException"/> with <see cref="Message"/>.</summary>
    public ProcessResult EnsureSuccess() => Ok ? this : throw new RunnerException(Message);

    string Tail()
    {
        var shown = LastLines
            .Select(l => l.Trim())
            .Where(l => l.Length > 0)
            .TakeLast(3)
            .Select(l => l.Length > ShownLineLength ? l[..ShownLineLength] + "…" : l)
            .ToList();
        return shown.Count == 0 ? " (it printed nothing)" : ": " + string.Join(" | ", shown);
    }
}
