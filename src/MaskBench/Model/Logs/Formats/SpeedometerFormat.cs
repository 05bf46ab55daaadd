using System.Text.RegularExpressions;

namespace MaskBench.Model.Logs.Formats;

/// <summary>
/// MXNet's Speedometer (SimpleDet), on stderr every 10 batches: <c>Epoch[e] Batch [N]</c> with N 0-based and
/// <c>Speed</c> = images/s over the 10 batches N-9..N (1-based N-8..N+1). Spans end one past a multiple of 10, so the
/// page's window is not available; the closest exact one is 1-based 102..501: 40 / Σ 1/speed over N = 110..500.
/// </summary>
sealed partial class SpeedometerFormat : LogFormat
{
    public override string Id => "mxnet-speedometer";
    public override int Version => 2;

    public override LineReader NewReader(Timeline timeline, int imagesPerIteration) => new Reader(timeline, imagesPerIteration);

    public override IterationRange Target(Window window) => new(window.Skip + 2, window.End + 1);

    public override string Formula(int from, int to, int images) =>
        $"{images}*{to - from}/(sum over 'Batch [N]' N = {from + 9}..{to - 1} of 10*{images}/speed_N), speed = 'Speed' over the 10 batches N-9..N (0-based)";

    sealed class Reader(Timeline timeline, int images) : LineReader(timeline, images)
    {
        int? previousLine;

        public override void Read(string segment, int line, double? arrival)
        {
            if (!segment.Contains("Speed: ", StringComparison.Ordinal) || Pattern().Match(segment) is not { Success: true } m)
                return;
            if (m.Groups[1].Value != "0")
                return;
            if (!Count(m.Groups[2].Value, line, out var batch))
                return;
            var end = batch + 1;
            if (!Speed(m.Groups[3].Value, line, out var speed))
            {
                Timeline.Saw(end);
                return;
            }
            Timeline.AddSpan(new Span(end - 10, end, 10.0 * Images / speed, previousLine, line));
            previousLine = line;
        }
    }

    [GeneratedRegex(@"Epoch\[(\d+)\] Batch \[(\d+)\]\s+Speed: " + LogFormat.Number + " samples/sec")]
    private static partial Regex Pattern();
}
