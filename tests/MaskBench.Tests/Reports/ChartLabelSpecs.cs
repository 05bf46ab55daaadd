using MaskBench.Reports.Charts;

namespace MaskBench.Tests.Reports;

public class ChartLabelSpecs
{
    [Theory]
    [InlineData(700)]
    [InlineData(750)]
    [InlineData(759)]
    public void A_label_beside_a_point_near_the_right_edge_stays_inside_the_width(double x)
    {
        // Arrange
        const string label = "60205f8 -11.1 %";

        // Act
        var (at, anchor) = SvgText.Beside(x, 8, label, 12, 756);

        // Assert: it goes left of the point and the estimated text stays within 0..756
        Assert.Equal("end", anchor);
        Assert.InRange(at, SvgText.Width(label, 12), 756);
    }

    [Fact]
    public void A_label_with_room_to_its_right_goes_right_of_its_point()
    {
        // Act
        var (at, anchor) = SvgText.Beside(300, 8, "60205f8 -11.1 %", 12, 756);

        // Assert
        Assert.Equal(("start", 308.0), (anchor, at));
    }

    [Fact]
    public void The_width_estimate_errs_wide_of_a_label_of_digits()
    {
        // Act: DejaVu Sans's digits are 0.636 em wide, its space 0.318
        var width = SvgText.Width("60205f8 -11.1 %", 12);

        // Assert
        Assert.InRange(width, 15 * 12 * 0.6, 15 * 12 * 0.7);
    }
}
