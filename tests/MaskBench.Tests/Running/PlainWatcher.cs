using System.Globalization;
using System.Text.RegularExpressions;
using MaskBench.Model.Logs;

namespace MaskBench.Tests.Running;

/// <summary>Reads the fake trainer's <c>plain</c> format (<c>iter N time T</c>): the window is complete at its end.</summary>
sealed partial class PlainWatcher(Window window, int imagesPerIteration) : ILogWatcher
{
    double windowSeconds;

    public Progress Observe(string line)
    {
        var match = IterationLine().Match(line);
        if (!match.Success)
            return new Progress(null, false, null);
        var iteration = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var seconds = double.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        if (iteration > window.Skip && iteration <= window.End)
            windowSeconds += seconds;
        var inside = Math.Min(iteration, window.End) - window.Skip;
        double? speed = inside > 0 && windowSeconds > 0 ? imagesPerIteration * inside / windowSeconds : null;
        return new Progress(iteration, iteration >= window.End, speed);
    }

    [GeneratedRegex(@"^iter (\d+) time ([0-9.]+)")]
    private static partial Regex IterationLine();
}
