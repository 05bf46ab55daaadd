namespace MaskBench.Tools.Telemetry;

/// <summary>One GPU at one moment, as <c>nvidia-smi</c> saw it.</summary>
/// <param name="Seconds">When, on the run's clock (the Stopwatch of <c>train.times.tsv</c>).</param>
/// <param name="Arrived">When the line reached MaskBench, on the same clock; <see cref="Seconds"/> is nvidia-smi's own
/// timestamp mapped onto the clock when that is plausible, else this.</param>
/// <param name="Reasons">The active clock-event reasons; null when the driver does not report them.</param>
internal sealed record GpuSample(
    double Seconds,
    double Arrived,
    int Index,
    string Uuid,
    double? SmClock,
    double? MaxSmClock,
    double? PowerDraw,
    double? PowerLimit,
    double? Temperature,
    double? Utilization,
    ClockEventReasons? Reasons
)
{
    /// <summary>Reads a row of <see cref="SmiFields.Sampling"/>; null for a line that is not one (an error message).</summary>
    internal static GpuSample? Parse(string line, double arrived, SampleClock clock)
    {
        var cells = SmiValue.Split(line);
        if (cells.Length < 9 || !int.TryParse(cells[0], out var index))
            return null;
        return new GpuSample(
            clock.Seconds(cells[2], arrived),
            arrived,
            index,
            cells[1],
            SmiValue.Number(cells[3]),
            SmiValue.Number(cells[4]),
            SmiValue.Number(cells[5]),
            SmiValue.Number(cells[6]),
            SmiValue.Number(cells[7]),
            SmiValue.Number(cells[8]),
            cells.Length > 9 ? SmiValue.Reasons(cells[9]) : null
        );
    }

    public bool Has(ClockEventReasons any) => Reasons is { } active && (active & any) != 0;
}
