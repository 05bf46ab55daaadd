namespace MaskBench.Running;

/// <summary>One line as it arrived: which stream, when (seconds since the start), its text without the line end
/// (at most <see cref="LineRecorder.TextLimit"/> characters; the log file keeps every byte).</summary>
public sealed record ArrivedLine(string Stream, double Seconds, string Text);
