using MaskBench.Reports.Charts;

namespace MaskBench.Tests.History;

public class AxisTickSpecs
{
    [Theory]
    [InlineData(0.095, 0.165)]
    [InlineData(0.5, 0.52)]
    [InlineData(40, 70)]
    [InlineData(0.001, 1200)]
    public void A_chart_s_ticks_are_round_distinct_and_inside_its_range(double low, double high)
    {
        // Act
        var ticks = AxisTicks.Between(low, high);

        // Assert
        Assert.InRange(ticks.Count, 3, 11);
        Assert.Equal(ticks.Count, ticks.Select(t => t.Label).Distinct().Count());
        Assert.All(ticks, t => Assert.InRange(t.Value, low, high));
        Assert.All(ticks, t => Assert.Equal(double.Parse(t.Label, System.Globalization.CultureInfo.InvariantCulture), t.Value, 9));
    }

    [Fact]
    public void The_newcomer_s_throughputs_read_as_distinct_hundredths()
    {
        // Act: the range that printed 0.1, 0.1, 0.1
        var labels = AxisTicks.Between(0.094, 0.166).Select(t => t.Label);

        // Assert
        Assert.Equal(["0.10", "0.12", "0.14", "0.16"], labels);
    }
}
