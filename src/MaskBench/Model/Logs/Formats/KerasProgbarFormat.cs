using System.Text.RegularExpressions;

namespace MaskBench.Model.Logs.Formats;

/// <summary>
/// Keras's progress bar (matterport/Mask_RCNN): <c>Epoch e/E</c>, then a <c>k/S [===]</c> line per step; the epoch's
/// final line prints its duration rounded to whole seconds (<c>- 57s</c>). The window 101..500 is epochs 3..10 of 50
/// steps. With the harness's line arrival times the epoch takes t(final line) − t(<c>Epoch e/E</c>), to the
/// millisecond; from the log alone only the whole seconds are known (±0.5 s an epoch, about 1 %).
/// </summary>
sealed partial class KerasProgbarFormat : LogFormat
{
    public override string Id => "keras-progbar";
    public override int Version => 2;

    public override LineReader NewReader(Timeline timeline, int imagesPerIteration) => new Reader(timeline, imagesPerIteration);

    public override string Formula(int from, int to, int images) =>
        $"{images}*{to - from}/(sum of the durations of the epochs covering steps {from + 1}..{to}), "
        + "duration = arrival of the epoch's final 'S/S' line - arrival of its 'Epoch e/E' line";

    sealed class Reader(Timeline timeline, int images) : LineReader(timeline, images)
    {
        int epoch;
        int? startLine;
        double? startTime;
        bool wholeSeconds;

        public override string? Approximation =>
            wholeSeconds
                ? "no line arrival times (train.times.tsv), so each epoch's duration is the progress bar's whole seconds (±0.5 s an epoch, about 1 %)"
                : null;

        public override void Read(string segment, int line, double? arrival)
        {
            if (segment.StartsWith("Epoch ", StringComparison.Ordinal) && EpochStart().Match(segment) is { Success: true } e)
            {
                epoch = Count(e.Groups[1].Value, line, out var started) ? started : 0;
                (startLine, startTime) = (line, arrival);
                return;
            }
            if (epoch == 0 || !segment.Contains("] - ", StringComparison.Ordinal) || Step().Match(segment) is not { Success: true } m)
                return;
            if (
                !Count(m.Groups[1].Value, line, out var step)
                || !Count(m.Groups[2].Value, line, out var steps)
                || !Count((epoch - 1L) * steps + step, line, out var last)
            )
                return;
            var first = last - step;
            Timeline.Saw(last);
            if (step != steps || !m.Groups[3].Success)
                return;
            double seconds;
            if (arrival is { } end && startTime is { } start)
                seconds = end - start;
            else
            {
                if (!Count(m.Groups[3].Value, line, out var whole))
                    return;
                seconds = whole;
                wholeSeconds = true;
            }
            Timeline.AddSpan(new Span(first, first + steps, seconds, startLine, line));
        }
    }

    [GeneratedRegex(@"^Epoch (\d+)/(\d+)\s*$")]
    private static partial Regex EpochStart();

    [GeneratedRegex(@"^\s*(\d+)/(\d+) \[[=>.]*\] - (?:ETA: |(\d+)s\b)")]
    private static partial Regex Step();
}
