using System.Text.RegularExpressions;
using MaskBench.Model.Logs;
using MaskBench.Reports;

namespace MaskBench.Tests.Reports;

public class BarChartSpecs
{
    static BenchmarkRow Row(string name, string status, double? throughput, double? published) =>
        new(
            name.ToLowerInvariant(),
            name,
            "detectron2",
            status,
            throughput,
            published,
            throughput / published,
            new IterationRange(101, 500),
            throughput is null ? null : new IterationRange(101, 500),
            true,
            16,
            status == ThroughputResult.Suspect ? 31.25 : null,
            status == ThroughputResult.Ok || status == ThroughputResult.Suspect ? null : "oom",
            null
        )
        {
            Runs = throughput is null ? [] : [new RunFigure(1, status, throughput, "clean")],
        };

    /// <summary>The fastest row suspect (its note the longest label), one with five runs and an interval past the
    /// page's figure, a failed one.</summary>
    static IReadOnlyList<BenchmarkRow> Rows() =>
        [
            Row("Detectron2", ThroughputResult.Suspect, 62.5, 62),
            Row("maskrcnn-benchmark", ThroughputResult.Ok, 52.9, 53) with
            {
                Interval = [50.1, 66.0],
                IntervalConfidence = 0.9375,
                Runs = [.. new[] { 50.1, 51.0, 52.9, 60.2, 66.0 }.Select((t, i) => new RunFigure(i + 1, "ok", t, "clean"))],
                Provenance =
                    "measured on 8× Tesla V100-SXM2-16GB (driver 535, CUDA 12.2), host gpu1, page stack, MaskBench 0123456789ab, 2024-05-01",
            },
            Row("A name of an implementation longer than the margin", ThroughputResult.Failed, null, 19),
        ];

    [Fact]
    public void Every_label_of_the_bar_chart_stays_inside_its_width_a_suspect_s_long_note_too()
    {
        // Act
        var svg = BarChart.Svg(Rows());

        // Assert
        Assert.Contains("62.5 (suspect: harness 31.3)", svg);
        Assert.Contains(
            SvgLabels.Of(svg),
            l => l.Text.StartsWith("A name of an implementation", StringComparison.Ordinal) && l.Text.EndsWith('…')
        );
        Assert.Empty(SvgLabels.Outside(svg));
    }

    [Fact]
    public void A_reader_hovering_a_bar_sees_its_figure_runs_interval_and_where_it_comes_from()
    {
        // Act
        var titles = Regex
            .Matches(BarChart.Svg(Rows()), "<g><title>(.*?)</title>")
            .Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value))
            .ToList();

        // Assert: one per bar, measured and published, of every row
        Assert.Equal(6, titles.Count);
        Assert.Equal("Detectron2: 62.5 img/s, 1 run (suspect: harness 31.3)", titles[0]);
        Assert.Equal(
            "maskrcnn-benchmark: 52.9 img/s [50.1–66.0] (93.7 % interval), 5 runs; measured on 8× Tesla V100-SXM2-16GB "
                + "(driver 535, CUDA 12.2), host gpu1, page stack, MaskBench 0123456789ab, 2024-05-01",
            titles[2]
        );
        Assert.Equal("maskrcnn-benchmark: 53 img/s on Detectron2's benchmark page (8 V100 GPUs)", titles[3]);
        Assert.Equal("A name of an implementation longer than the margin: failed: oom", titles[4]);
    }

    [Fact]
    public void A_row_with_repeats_has_its_interval_as_a_whisker_that_ends_where_its_label_begins()
    {
        // Act
        var svg = BarChart.Svg(Rows());

        // Assert: the whisker's right end, and the label 5 px after it
        var whisker = Regex.Match(svg, @"<path d=""M([0-9.]+) (\d+)H([0-9.]+)");
        Assert.True(whisker.Success, svg);
        var end = double.Parse(whisker.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture);
        var label = SvgLabels.Of(svg).Single(l => l.Text == "52.9");
        Assert.Equal(end + 5, label.Left, 1);
        Assert.True(end > SvgLabels.Of(svg).Single(l => l.Text == "53").Left - 5); // past the page's bar of 53
    }

    [Fact]
    public void The_bar_chart_s_axis_is_at_round_distinct_img_s()
    {
        // Act
        var labels = SvgLabels.Of(BarChart.Svg(Rows())).Where(l => l.Size == 11).Select(l => l.Text).ToList();

        // Assert
        Assert.Equal(["0", "20", "40", "60"], labels);
    }
}
