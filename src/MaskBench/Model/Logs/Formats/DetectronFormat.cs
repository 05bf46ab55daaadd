using System.Text.RegularExpressions;

namespace MaskBench.Model.Logs.Formats;

/// <summary>
/// Detectron's <c>json_stats:</c> line, at 0-based iterations 0, 20, 40, ... and MAX_ITER-1: <c>time</c> is the
/// mean RunNet time since the timer's reset right after iteration 20, i.e. over 0-based 21..i (i-20 values). So
/// 1-based 22..n took (n-21)·T at <c>iter: n-1</c>; the page's window is not available and the closest exact one
/// is 1-based 102..501: 16·400 / (480·T500 − 80·T100). Without a line at 500 (MAX_ITER = 500) the final line at 499
/// gives 102..500.
/// </summary>
sealed partial class DetectronFormat : LogFormat
{
    const int Reset = 21;

    public override string Id => "detectron";
    public override int Version => 2;

    public override LineReader NewReader(Timeline timeline, int imagesPerIteration) => new Reader(timeline, imagesPerIteration);

    public override IterationRange Target(Window window) => new(window.Skip + 2, window.End + 1);

    public override int Tolerance => 1;

    public override string Formula(int from, int to, int images) =>
        $"{images}*{to - from}/({to - Reset}*T{to - 1} - {from - Reset}*T{from - 1}), T = json_stats 'time' at 'iter: i' (mean since the reset after 0-based iteration 20)";

    sealed class Reader(Timeline timeline, int images) : LineReader(timeline, images)
    {
        public override void Read(string segment, int line, double? arrival)
        {
            if (!segment.Contains("json_stats:", StringComparison.Ordinal))
                return;
            if (Iteration().Match(segment) is not { Success: true } i || Time().Match(segment) is not { Success: true } t)
                return;
            if (!Count(i.Groups[1].Value, line, out var iteration))
                return;
            var finished = iteration + 1;
            Timeline.Saw(finished);
            if (finished == Reset)
                Timeline.Base(Reset, line);
            else if (finished > Reset && Seconds(t.Groups[1].Value, line, out var mean))
                Timeline.AddPoint(finished, (finished - Reset) * mean, line);
        }
    }

    [GeneratedRegex(@"""iter"": (\d+)")]
    private static partial Regex Iteration();

    [GeneratedRegex(@"""time"": ""?([-+0-9.eE]+|NaN|nan|Infinity)""?")]
    private static partial Regex Time();
}
