using System.Globalization;
using System.Text;
using MaskBench.Model;

namespace MaskBench.Tools.Telemetry;

/// <summary>
/// <c>telemetry.tsv</c> beside <c>train.log</c>: a header, then one row per GPU sample and one <c>#</c> row per
/// sampler event, appended and flushed as they happen. Append-only rather than atomic on purpose: a run that dies
/// mid-way keeps every sample taken before, and a reader takes the rows that are whole. Times are seconds on the
/// run's clock; an empty cell is a value the driver did not report.
/// </summary>
internal static class TelemetryFile
{
    public const string Header =
        "seconds\tarrived\tindex\tuuid\tsm_mhz\tmax_sm_mhz\tpower_w\tpower_limit_w\ttemperature_c\tutilization_pct\treasons";

    public static string Row(GpuSample s) =>
        string.Join(
            '\t',
            Time(s.Seconds),
            Time(s.Arrived),
            s.Index.ToString(CultureInfo.InvariantCulture),
            s.Uuid,
            Cell(s.SmClock),
            Cell(s.MaxSmClock),
            Cell(s.PowerDraw),
            Cell(s.PowerLimit),
            Cell(s.Temperature),
            Cell(s.Utilization),
            s.Reasons is { } r ? SmiValue.Hex(r) : ""
        );

    public static string Row(TelemetryEvent e) => $"#\t{e.Kind}\t{Time(e.Seconds)}\t{e.Text.ReplaceLineEndings(" ").Replace('\t', ' ')}";

    /// <summary>Reads a telemetry file; a missing file is a log with no samples and one <c>unavailable</c> event.</summary>
    public static TelemetryLog Read(string path)
    {
        if (!File.Exists(path))
            return new TelemetryLog([], [new TelemetryEvent(0, TelemetryEvent.Unavailable, $"no {RunFiles.Telemetry} was written")], null);
        var samples = new List<GpuSample>();
        var events = new List<TelemetryEvent>();
        foreach (var line in File.ReadLines(path, Encoding.UTF8).Skip(1))
        {
            var cells = line.Split('\t');
            if (cells.Length == 4 && cells[0] == "#" && Number(cells[2]) is { } at)
                events.Add(new TelemetryEvent(at, cells[1], cells[3]));
            else if (
                cells.Length == 11
                && Number(cells[0]) is { } seconds
                && Number(cells[1]) is { } arrived
                && int.TryParse(cells[2], out var index)
            )
                samples.Add(
                    new GpuSample(
                        seconds,
                        arrived,
                        index,
                        cells[3],
                        Number(cells[4]),
                        Number(cells[5]),
                        Number(cells[6]),
                        Number(cells[7]),
                        Number(cells[8]),
                        Number(cells[9]),
                        SmiValue.Reasons(cells[10])
                    )
                );
        }
        var interval = events
            .FirstOrDefault(e => e.Kind == TelemetryEvent.Started)
            ?.Text.Split(' ')
            .FirstOrDefault(w => w.StartsWith("interval_ms="));
        return new TelemetryLog(samples, events, interval is null ? null : Number(interval["interval_ms=".Length..]) / 1000);
    }

    static string Time(double seconds) => seconds.ToString("0.000000", CultureInfo.InvariantCulture);

    static string Cell(double? value) => value?.ToString("0.###", CultureInfo.InvariantCulture) ?? "";

    static double? Number(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : null;
}
