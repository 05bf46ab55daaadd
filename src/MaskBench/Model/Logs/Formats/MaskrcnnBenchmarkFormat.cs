using System.Text.RegularExpressions;

namespace MaskBench.Model.Logs.Formats;

/// <summary>
/// maskrcnn-benchmark's trainer line, every 20 iterations: <c>iter: n</c> is 1-based and <c>time: A (G)</c> holds
/// the global average G since iteration 1, so iterations 1..n took n·G: 16·400 / (500·G500 − 100·G100). A batch
/// skipped for empty targets (an <c>ERROR</c> line of the trainer) leaves fewer timed iterations than n and breaks
/// the formula.
/// </summary>
sealed partial class MaskrcnnBenchmarkFormat : LogFormat
{
    public override string Id => "maskrcnn-benchmark";
    public override int Version => 2;

    public override LineReader NewReader(Timeline timeline, int imagesPerIteration) => new Reader(timeline, imagesPerIteration);

    public override string Formula(int from, int to, int images) =>
        $"{images}*{to - from}/({to}*G{to} - {from}*G{from}), G = the global average in 'time: median (G)' at 'iter: n'";

    sealed class Reader(Timeline timeline, int images) : LineReader(timeline, images)
    {
        public override void Read(string segment, int line, double? arrival)
        {
            if (segment.Contains(" ERROR", StringComparison.Ordinal) && Skipped().IsMatch(segment))
            {
                Problem(
                    "skipped-batch",
                    "a batch was skipped ("
                        + segment.Trim()
                        + "); the trainer's global average then "
                        + "counts fewer iterations than 'iter', so the exact formula does not hold",
                    line
                );
                return;
            }
            if (!segment.Contains("iter: ", StringComparison.Ordinal) || Pattern().Match(segment) is not { Success: true } m)
                return;
            if (!Count(m.Groups[1].Value, line, out var iteration))
                return;
            Timeline.Saw(iteration);
            if (!Seconds(m.Groups[2].Value, line, out var average))
                return;
            Timeline.Base(0);
            Timeline.AddPoint(iteration, iteration * average, line);
        }
    }

    [GeneratedRegex(@"\biter: (\d+)\s.*?(?<!_)\btime: \S+ \(" + LogFormat.Number + @"\)")]
    private static partial Regex Pattern();

    [GeneratedRegex(@"maskrcnn_benchmark\.trainer ERROR|ERROR.*Iteration=\d+")]
    private static partial Regex Skipped();
}
