namespace MaskBench.Stages.Train;

/// <summary>One line as it arrived: which stream, when (seconds since the start), its text without the line end
/// (at most <see cref="LineRecorder.TextLimit"/> characters; the log file keeps every byte).</summary>
internal sealed record ArrivedLine(string Stream, double Seconds, string Text);
