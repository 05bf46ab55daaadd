using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace MaskBench.Model.Logs.Formats;

/// <summary>
/// tensorpack's per-epoch monitors: <c>Epoch e (global_step s) finished</c> (printed by every rank), then rank 0's
/// <c>Throughput (samples/sec): x</c> over that epoch's steps, with one sample per GPU per step. An epoch of n steps
/// took n·images/x seconds, so over epochs 3..10 of 50 steps: 8 / Σ 1/x (a harmonic mean). <c>stats.json</c> has the
/// same values at full precision.
/// </summary>
sealed partial class TensorpackFormat : LogFormat
{
    const string ThroughputKey = "Throughput (samples/sec)";
    const long MaxStats = 64L << 20;

    public override string Id => "tensorpack";
    public override int Version => 2;

    public override LineReader NewReader(Timeline timeline, int imagesPerIteration) => new Reader(timeline, imagesPerIteration);

    /// <summary>The throughput leaves out the epoch-end callbacks (trigger_epoch) that run between one epoch's
    /// <c>finished</c> line and the next, and the lines cannot tell them apart, so the harness's figure is lower by their
    /// share. 10 % allows a few seconds of callbacks per epoch and still catches a timing that is not the wall clock.</summary>
    public override double HarnessTolerance => 0.10;

    public override string Formula(int from, int to, int images) =>
        $"{images}*{to - from}/(sum over the epochs of steps {from + 1}..{to} of steps*{images}/throughput), "
        + "throughput = 'Throughput (samples/sec)' of the epoch (harmonic mean)";

    public override (Timeline Timeline, string Source)? ReadPrecise(RunFolder run, int imagesPerIteration)
    {
        if (run.Precise("stats.json") is not { } path)
            return null;
        var timeline = new Timeline();
        if (new FileInfo(path).Length > MaxStats)
            throw new FormatException($"{path} holds more than {MaxStats >> 20} MiB, far more than a run's epochs");
        var epochs = JArray.Parse(File.ReadAllText(path)); // an unreadable stats.json is a bad precise file, never ignored
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
                if (!Count(f.Groups[1].Value, line, out var step))
                    return;
                Timeline.Saw(step);
                if (step > previousStep && step != finishedStep)
                    (finishedStep, finishedLine) = (step, line);
                return;
            }
            if (!segment.Contains(ThroughputKey, StringComparison.Ordinal) || Throughput().Match(segment) is not { Success: true } t)
                return;
            if (finishedStep is not { } end)
                return;
            if (!Speed(t.Groups[1].Value, line, out var throughput))
            {
                (previousStep, previousLine, finishedStep) = (end, finishedLine, null);
                return;
            }
            Timeline.AddSpan(new Span(previousStep, end, (end - previousStep) * Images / throughput, previousLine, finishedLine));
            (previousStep, previousLine, finishedStep) = (end, finishedLine, null);
        }
    }

    [GeneratedRegex(@"Epoch \d+ \(global_step (\d+)\) finished")]
    private static partial Regex Finished();

    [GeneratedRegex(@"Throughput \(samples/sec\): " + LogFormat.Number)]
    private static partial Regex Throughput();
}
