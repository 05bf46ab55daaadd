using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace MaskBench.Model.Logs.Formats;

/// <summary>
/// mmcv's TextLoggerHook (mmdetection), every 50 iterations: <c>Epoch [e][k/len]</c> with k 1-based in the epoch and
/// <c>time</c> the mean of the per-iteration wall times since the previous line. Each line is a span of its own:
/// 16·400 / (50·Σ time over k = 150..500). The <c>*.log.json</c> beside the log has the same values to 5 decimals.
/// </summary>
sealed partial class MmcvFormat : LogFormat
{
    public override string Id => "mmcv";
    public override int Version => 2;

    public override LineReader NewReader(Timeline timeline, int imagesPerIteration) => new Reader(timeline, imagesPerIteration);

    public override string Formula(int from, int to, int images) =>
        $"{images}*{to - from}/(sum of interval*time over the epoch-1 lines k = {from + 50}..{to}), time = mean of the iterations since the previous line";

    public override (Timeline Timeline, string Source)? ReadPrecise(RunFolder run, int imagesPerIteration)
    {
        if (run.Precise("*.log.json") is not { } path)
            return null;
        var timeline = new Timeline();
        var previous = 0;
        foreach (var (number, text) in LogText.Lines(path))
        {
            if (!text.Contains("\"train\"", StringComparison.Ordinal))
                continue;
            JObject entry;
            try
            {
                entry = JObject.Parse(text);
            }
            catch (Newtonsoft.Json.JsonException)
            {
                continue;
            }
            if ((string?)entry["mode"] != "train" || (double?)entry["epoch"] != 1 || entry["iter"] is null || entry["time"] is null)
                continue;
            var iteration =
                (double)entry["iter"]! is var i && i == Math.Floor(i) && i is >= 0 and <= LineReader.MaxIteration
                    ? (int)i
                    : throw new FormatException($"{path}:{number}: 'iter' {entry["iter"]} is not an iteration number");
            timeline.AddSpan(new Span(previous, iteration, (iteration - previous) * (double)entry["time"]!, null, 0));
            previous = iteration;
        }
        return (timeline, path);
    }

    sealed class Reader(Timeline timeline, int images) : LineReader(timeline, images)
    {
        int previous;

        public override void Read(string segment, int line, double? arrival)
        {
            if (!segment.Contains("Epoch [", StringComparison.Ordinal) || Pattern().Match(segment) is not { Success: true } m)
                return;
            if (
                !Count(m.Groups[1].Value, line, out var epoch)
                || !Count(m.Groups[2].Value, line, out var within)
                || !Count(m.Groups[3].Value, line, out var length)
                || !Count((epoch - 1L) * length + within, line, out var iteration)
            )
                return;
            Timeline.Saw(iteration);
            if (iteration <= previous || !Seconds(m.Groups[4].Value, line, out var mean))
                return;
            Timeline.AddSpan(new Span(previous, iteration, (iteration - previous) * mean, PreviousLine, line));
            previous = iteration;
            PreviousLine = line;
        }

        int? PreviousLine { get; set; }
    }

    [GeneratedRegex(@"Epoch \[(\d+)\]\[(\d+)/(\d+)\]\s.*?(?<!_)\btime: " + LogFormat.Number)]
    private static partial Regex Pattern();
}
