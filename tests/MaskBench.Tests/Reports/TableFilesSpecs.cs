using MaskBench.Foundation.Text;
using MaskBench.Model.Catalog;
using MaskBench.Model.Logs;
using MaskBench.Reports;

namespace MaskBench.Tests.Reports;

public sealed class TableFilesSpecs : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("maskbench-table-").FullName;
    readonly Recipe detectron2 = RecipeCatalog.Load(Paths.Repository("recipes")).Get("detectron2");

    public void Dispose() => Directory.Delete(folder, true);

    BenchmarkRow Row(string reason) => BenchmarkRow.Failed(detectron2, 16, Window.Page, reason);

    [Fact]
    public void When_one_table_file_cannot_be_written_none_is_changed()
    {
        // Arrange: a first table, then benchmark.svg (the fourth file) becomes a folder
        BenchmarkTable.Write([Row("first run")], folder);
        var before = BenchmarkTable
            .FileNames.Where(n => n != "benchmark.svg")
            .ToDictionary(n => n, n => File.ReadAllText(Path.Combine(folder, n)));
        File.Delete(Path.Combine(folder, "benchmark.svg"));
        Directory.CreateDirectory(Path.Combine(folder, "benchmark.svg", "blocker"));

        // Act
        var error = Assert.Throws<IOException>(() => BenchmarkTable.Write([Row("second run")], folder));

        // Assert
        Assert.StartsWith($"cannot write {Path.Combine(folder, "benchmark.svg")} (", error.Message);
        Assert.EndsWith("none of the table files was changed", error.Message);
        foreach (var (name, text) in before)
            Assert.Equal(text, File.ReadAllText(Path.Combine(folder, name)));
        Assert.Equal(
            ["benchmark.csv", "benchmark.html", "benchmark.json", "benchmark.md", "benchmark.svg"],
            Directory.GetFileSystemEntries(folder).Select(Path.GetFileName).Order()
        );
    }

    [Fact]
    public void The_table_shows_a_failure_as_one_line_and_the_report_keeps_the_details()
    {
        // Arrange: a reason that carries a traceback
        var traceback = string.Join("\n", Enumerable.Range(1, 15).Select(i => $"  File \"train.py\", line {i}, in step"));
        var row = Row("Train-Detectron2 failed: the log shows a failure (oom): RuntimeError: CUDA out of memory\n" + traceback);

        // Act
        var markdown = BenchmarkTable.Markdown([row]);
        var csv = BenchmarkTable.Csv([row]);
        var html = HtmlReport.Html([row], DateTimeOffset.UnixEpoch);

        // Assert
        Assert.Contains("| failed: Train-Detectron2 failed: the log shows a failure (oom): RuntimeError: CUDA out of memory |", markdown);
        Assert.DoesNotContain("line 15", markdown);
        Assert.Equal(2, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.DoesNotContain("line 15", csv);
        Assert.Contains("<details><summary>details</summary><pre>", html);
        Assert.Contains("line 15, in step", html);
    }

    [Theory]
    [InlineData("  \n  first line  \nsecond", "first line")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void One_line_is_the_first_non_empty_line_trimmed(string? reason, string expected)
    {
        // Act
        var line = ReasonText.OneLine(reason);

        // Assert
        Assert.Equal(expected, line);
    }

    [Fact]
    public void One_line_is_at_most_160_characters_with_an_ellipsis()
    {
        // Act
        var line = ReasonText.OneLine(new string('x', 500));

        // Assert
        Assert.Equal(160, line.Length);
        Assert.EndsWith("…", line);
    }
}
