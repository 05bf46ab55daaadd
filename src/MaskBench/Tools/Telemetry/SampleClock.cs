using System.Diagnostics;
using System.Globalization;

namespace MaskBench.Tools.Telemetry;

/// <summary>
/// Maps nvidia-smi's wall-clock <c>timestamp</c> (local time, "yyyy/MM/dd HH:mm:ss.fff") onto the run's Stopwatch, from
/// one anchor taken when sampling starts. A sample is then placed when the driver took it even if its line reached
/// MaskBench late (a buffered pipe). A timestamp that cannot be read, or that lands later than the line's arrival or
/// more than <see cref="Tolerance"/> before it (another time zone, a clock step), falls back to the arrival time.
/// </summary>
sealed class SampleClock(DateTime anchorWall, double anchorSeconds)
{
    public const double Tolerance = 5;

    public static SampleClock Now(Stopwatch clock) => new(DateTime.Now, clock.Elapsed.TotalSeconds);

    public double Seconds(string timestamp, double arrived)
    {
        if (
            !DateTime.TryParseExact(
                timestamp,
                ["yyyy/MM/dd HH:mm:ss.fff", "yyyy/MM/dd HH:mm:ss"],
                CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeLocal,
                out var wall
            )
        )
            return arrived;
        var seconds = anchorSeconds + (wall - anchorWall).TotalSeconds;
        return seconds <= arrived + 0.05 && seconds >= arrived - Tolerance ? seconds : arrived;
    }
}
