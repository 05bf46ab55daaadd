using System.Globalization;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace MaskBench.Parsing.Formats;

/// <summary>
/// tensorpack's per-epoch monitors: <c>Epoch e (global_step s) finished</c> (printed by every rank), then rank 0's
/// <c>Throughput (samples/sec): x</c> over that epoch's steps, with one sample per GPU per step. An epoch of n steps
/// took n·images/x seconds, so over epochs 3..10 of 50 steps: 8 / Σ 1/x (a harmonic mean). <c>stats.json</c> has the
/// same values at full precision.
/// </summary>
sealed partial class TensorpackFormat : LogFormat
{
    const string ThroughputKey = "Throughput (samples/sec)";

    public override string Id => "tensorpack";
    public override int Version => 1;

    public override LineReader NewReader(Timeline timeline, int imagesPerIteration) => new Reader(timeline, imagesPerIteration);

    public override string Formula(int from, int to, int images) =>
        $"{images}*{to - from}/(sum over the epochs of steps {from + 1}..{to} of steps*{images}/throughput), "
        + "throughput = 'Throughput (samples/sec)' of the epoch (harmonic mean)";

    public override (Timeline Timeline, string Source)? ReadPrecise(RunFolder run, int imagesPerIteration)
    {
        if (run.Precise("stats.json") is not { } path)
            return null;
        var timeline = new Timeline();
        JArray epochs;
        try
        {
            epochs = JArray.Parse(File.ReadAllText(path));
        }
        catch (Newtonsoft.Json.JsonException)
        {
            return (timeline, path);
        }
        var previous = 0;
        foreach (var epoch in epochs.OfType<JObject>().OrderBy(e => (int?)e["global_step"] ?? 0))
        {
            if ((int?)epoch["global_step"] is not { } step || epoch[ThroughputKey] is not { } throughput)
                continue;
            timeline.AddSpan(new Span(previous, step, (step - previous) * imagesPerIteration / (double)throughput, null, 0));
            previous = step;
        }
        return (timeline, path);
    }

    sealed class Reader(Timeline timeline, int images) : LineReader(timeline, images)
    {
        int previousStep;
        int? previousLine;
        int? finishedStep;
        int finishedLine;

        public override void Read(string segment, int line, double? arrival)
        {
            if (segment.Contains(") finished", StringComparison.Ordinal) && Finished().Match(segment) is { Success: true } f)
            {
                var step = int.Parse(f.Groups[1].Value, CultureInfo.InvariantCulture);
                Timeline.Saw(step);
                if (step > previousStep && step != finishedStep)
                    (finishedStep, finishedLine) = (step, line);
                return;
            }
            if (!segment.Contains(ThroughputKey, StringComparison.Ordinal) || Throughput().Match(segment) is not { Success: true } t)
                return;
            if (finishedStep is not { } end)
                return;
            var throughput = double.TryParse(t.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var x)
                ? x
                : double.NaN;
            Timeline.AddSpan(new Span(previousStep, end, (end - previousStep) * Images / throughput, previousLine, finishedLine));
            (previousStep, previousLine, finishedStep) = (end, finishedLine, null);
        }
    }

    [GeneratedRegex(@"Epoch \d+ \(global_step (\d+)\) finished")]
    private static partial Regex Finished();

    [GeneratedRegex(@"Throughput \(samples/sec\): ([-+0-9.eE]+|nan|inf)")]
    private static partial Regex Throughput();
}
