using System.Text.RegularExpressions;

namespace MaskBench.Model.Logs.Formats;

/// <summary>
/// Detectron2's <c>d2.utils.events</c> line, every 20 iterations: <c>iter: i</c> is the 0-based iteration just
/// finished and <c>time: T</c> the mean of the per-iteration times of 0-based iterations 2..i (i-1 values). So the
/// seconds of 1-based iterations 3..n are (n-2)·T at <c>iter: n-1</c>, and the window is a difference:
/// 16·400 / (498·T499 − 98·T99).
/// </summary>
sealed partial class Detectron2Format : LogFormat
{
    public override string Id => "detectron2";
    public override int Version => 2;

    public override LineReader NewReader(Timeline timeline, int imagesPerIteration) => new Reader(timeline, imagesPerIteration);

    public override string Formula(int from, int to, int images) =>
        $"{images}*{to - from}/({to - 2}*T{to - 1} - {from - 2}*T{from - 1}), T = stdout 'time' at 'iter: i' (mean since 0-based iteration 2)";

    sealed class Reader(Timeline timeline, int images) : LineReader(timeline, images)
    {
        public override void Read(string segment, int line, double? arrival)
        {
            if (!segment.Contains("iter: ", StringComparison.Ordinal) || Pattern().Match(segment) is not { Success: true } m)
                return;
            if (!Count(m.Groups[1].Value, line, out var iteration))
                return;
            var finished = iteration + 1;
            Timeline.Saw(finished);
            if (!Seconds(m.Groups[2].Value, line, out var mean))
                return;
            Timeline.Base(2);
            Timeline.AddPoint(finished, (finished - 2) * mean, line);
        }
    }

    [GeneratedRegex(@"\beta: \S+\s+iter: (\d+)\s.*?(?<!_)\btime: " + LogFormat.Number + @"\b")]
    private static partial Regex Pattern();
}
