using MaskBench.Engine;
using MaskBench.Foundation.Text;
using MaskBench.Model.Logs;

namespace MaskBench.Stages.Train;

/// <summary>Live progress as log lines (iteration, img/s so far, time left to the window's end), at most one
/// per interval, shown at every verbosity but quiet. Log lines rather than a redrawn bar: a log file and CI read them
/// as they are.</summary>
sealed class ProgressReporter(string id, Window window, int imagesPerIteration, TimeSpan interval, Serilog.ILogger? log = null)
{
    readonly Serilog.ILogger log = log ?? Logging.Essential;

    (int Iteration, double Seconds)? first;
    double lastReport = double.NegativeInfinity;
    bool completeReported;

    public void Observe(Progress progress, double seconds)
    {
        if (progress.Iteration is not { } iteration)
            return;
        first ??= (iteration, seconds);
        if (completeReported || (seconds - lastReport < interval.TotalSeconds && !progress.WindowComplete))
            return;
        lastReport = seconds;
        completeReported = progress.WindowComplete;
        log.Information("{Id}: {Text:l}", id, Describe(iteration, progress, seconds));
    }

    string Describe(int iteration, Progress progress, double seconds)
    {
        var text = $"iteration {iteration} of {window.End}";
        var (startIteration, startSeconds) = first!.Value;
        var perIteration = iteration > startIteration ? (seconds - startSeconds) / (iteration - startIteration) : (double?)null;
        var speed = progress.ImagesPerSecond ?? (perIteration is > 0 ? imagesPerIteration / perIteration : null);
        if (speed is { } s)
            text +=
                $", {s.ToString(s >= 10 ? "0" : s >= 1 ? "0.0" : "0.00", System.Globalization.CultureInfo.InvariantCulture)} img/s so far";
        if (progress.WindowComplete)
            return text + ", window complete";
        if (perIteration is { } p && iteration < window.End)
            text += $", about {TimeSpan.FromSeconds(Math.Round(p * (window.End - iteration))):g} to the window's end";
        return text;
    }
}
