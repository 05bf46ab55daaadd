using System.Globalization;
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

    [Fact]
    public void The_ticks_of_many_ranges_are_round_steps_and_no_two_labels_are_equal()
    {
        // Arrange: 2,000 ranges from a thousandth to tens of thousands of img/s, some across zero, some a hair wide
        var random = new Random(24);
        var ranges = Enumerable
            .Range(0, 2000)
            .Select(_ =>
            {
                var magnitude = Math.Pow(10, random.NextDouble() * 7 - 3);
                var low = (random.NextDouble() * 2 - 0.3) * magnitude;
                return (Low: low, High: low + magnitude * Math.Pow(10, -random.NextDouble() * 3));
            })
            .Append((53.5, 64.0)) // the detectron2 chart that read 64, 61.4, 58.7, 56.1, 53.5
            .Append((0.094, 0.166))
            .Append((-0.3, 0.3));

        foreach (var (low, high) in ranges)
        {
            // Act
            var ticks = AxisTicks.Between(low, high);

            // Assert: 3 to 11 ticks a 1, 2 or 5 × 10^k step apart, inside the range, each label its value to the step's decimals
            var where = $"[{low}, {high}]: {string.Join(", ", ticks.Select(t => t.Label))}";
            Assert.True(ticks.Count is >= 3 and <= 11, where);
            Assert.True(ticks.Select(t => t.Label).Distinct().Count() == ticks.Count, where);
            var step = ticks[1].Value - ticks[0].Value;
            var mantissa = step / Math.Pow(10, Math.Floor(Math.Log10(step) + 1e-9));
            Assert.True(new[] { 1.0, 2.0, 5.0 }.Any(m => Math.Abs(mantissa - m) < 1e-6), $"step {step} of {where}");
            Assert.All(ticks.Zip(ticks.Skip(1)), pair => Assert.Equal(step, pair.Second.Value - pair.First.Value, step * 1e-6));
            Assert.All(ticks, t => Assert.True(Math.Abs(t.Value / step - Math.Round(t.Value / step)) < 1e-6, where));
            Assert.All(ticks, t => Assert.InRange(t.Value, low - step * 1e-6, high + step * 1e-6));
            Assert.All(ticks, t => Assert.Equal(t.Value, double.Parse(t.Label, CultureInfo.InvariantCulture), step * 1e-6));
            Assert.DoesNotContain(ticks, t => t.Label.StartsWith('-') && Math.Abs(t.Value) < step / 2);
        }
    }

    [Fact]
    public void The_detectron2_chart_reads_in_whole_images_per_second()
    {
        // Act
        var labels = AxisTicks.Between(53.5, 64).Select(t => t.Label);

        // Assert
        Assert.Equal(["54", "56", "58", "60", "62", "64"], labels);
    }

    [Fact]
    public void An_axis_across_zero_labels_zero_without_a_sign()
    {
        // Act
        var labels = AxisTicks.Between(-0.31, 0.29).Select(t => t.Label);

        // Assert
        Assert.Equal(["-0.2", "0.0", "0.2"], labels);
    }
}
