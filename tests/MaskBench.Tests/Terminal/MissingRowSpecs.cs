using MaskBench.Model.Catalog;
using MaskBench.Reports;
using MaskBench.Tests.Parsing;
using MaskBench.Tests.Reports;
using Serilog.Events;

namespace MaskBench.Tests.Terminal;

public class MissingRowSpecs
{
    static readonly RecipeCatalog Catalog = RecipeCatalog.Load(Paths.Repository("recipes"));

    [Fact]
    public void Rows_the_run_did_not_ask_for_are_in_the_table_without_a_warning_and_an_asked_one_warns()
    {
        // Arrange: no recipe has a record; the run asked for detectron2 only
        var lines = new CollectedLines();
        var none = Path.Combine(Path.GetTempPath(), $"maskbench-no-record-{Guid.NewGuid():N}.json");

        // Act
        var rows = Aggregator.FromRecords(
            [Catalog.Get("detectron2"), Catalog.Get("mmdetection"), Catalog.Get("tensorpack")],
            _ => [none],
            _ => 16,
            log: lines.Logger,
            asked: recipe => recipe.Id == "detectron2"
        );

        // Assert
        Assert.All(rows, row => Assert.Equal(BenchmarkRow.Missing, row.Status));
        Assert.Equal("\"detectron2\"", Assert.Single(lines.At(LogEventLevel.Warning)).Split(':')[0]);
        Assert.Equal(2, lines.At(LogEventLevel.Debug).Count());
    }

    [Fact]
    public void A_row_whose_chain_could_not_run_says_why_instead_of_not_run_yet()
    {
        // Arrange: --stacks current, where mmdetection has no such stack
        var lines = new CollectedLines();
        var none = Path.Combine(Path.GetTempPath(), $"maskbench-no-record-{Guid.NewGuid():N}.json");

        // Act
        var row = Aggregator
            .FromRecords(
                [Catalog.Get("mmdetection")],
                _ => [none],
                _ => 16,
                log: lines.Logger,
                whyNotRun: _ => "no current stack: no verified path yet"
            )
            .Single();

        // Assert
        Assert.Equal((BenchmarkRow.Missing, "no current stack: no verified path yet"), (row.Status, row.Reason));
        Assert.Contains("no current stack", Assert.Single(lines.At(LogEventLevel.Warning)));
    }

    [Fact]
    public void A_result_is_shown_at_verbosity_minimal()
    {
        // Arrange: a measured detectron2 run and its record
        var run = Directory.CreateTempSubdirectory("maskbench-result-").FullName;
        try
        {
            var path = ParsedRecord.Write(Catalog.Get("detectron2"), run, new LogOptions("detectron2"));
            var lines = new CollectedLines();

            // Act
            Aggregator.FromRecords([Catalog.Get("detectron2")], _ => [path], _ => 16, log: lines.Logger);

            // Assert
            Assert.Contains(lines.Minimal, l => l.Contains("img/s over", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(run, recursive: true);
        }
    }
}
