namespace MaskBench.Foundation.Text;

/// <summary>A reason as the table, the summary and the log show it: one line, the matched error first.</summary>
internal static class ReasonText
{
    /// <summary>The first non-empty line of <paramref name="reason"/>, trimmed and at most <paramref name="max"/>
    /// characters (an ellipsis marks a cut); a multi-line traceback is left to the HTML report and the run's log.</summary>
    public static string OneLine(string? reason, int max = 160)
    {
        var line =
            (reason ?? "").Split(['\n', '\r'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()
            ?? "";
        return line.Length <= max ? line : line[..(max - 1)].TrimEnd() + "…";
    }
}
