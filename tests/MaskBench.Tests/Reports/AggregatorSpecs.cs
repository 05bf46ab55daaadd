using MaskBench.Catalog;
using MaskBench.Parsing;
using MaskBench.Reports;
using MaskBench.Results;
using MaskBench.Tests.Parsing;
using MaskBench.Tests.Snapshots;

namespace MaskBench.Tests.Reports;

public sealed class AggregatorSpecs : IDisposable
{
    readonly string folder = Path.Combine(Path.GetTempPath(), "maskbench-reports-" + Guid.NewGuid().ToString("N"));
    readonly RecipeCatalog catalog = RecipeCatalog.Load(Paths.Repository("recipes"));

    /// <summary>The seven implementations of the page (MaskBench's own has no published figure).</summary>
    IReadOnlyList<Recipe> Page => catalog.All.Where(r => r.Published is not null).ToList();

    public void Dispose()
    {
        if (Directory.Exists(folder))
            Directory.Delete(folder, true);
    }

    /// <summary>Logs for the seven recipes, each timed near its published figure: SimpleDet's ends at iteration 240,
    /// Detectron's has no folder.</summary>
    void WriteLogs(string root)
    {
        foreach (var recipe in Page.Where(r => r.Id != "detectron"))
        {
            var images = recipe.Images.PerIteration(8);
            var options = new LogOptions(
                recipe.Log.Format,
                Time: images / recipe.Published!.Value,
                Jitter: 0.3,
                Images: images,
                Iterations: recipe.Id == "simpledet" ? 240 : 520
            );
            _ = new TestRun(options, Path.Combine(root, recipe.Id));
        }
    }

    [Fact]
    public void Aggregate_from_a_folder_of_logs_lists_the_fastest_first_and_the_failed_and_missing_last()
    {
        // Arrange
        WriteLogs(folder);

        // Act
        var rows = Aggregator.FromLogs(Page, folder, r => r.ImagesPerIteration(8));

        // Assert
        Assert.Equal(
            ["detectron2", "mmdetection", "maskrcnn-benchmark", "tensorpack", "matterport", "simpledet", "detectron"],
            rows.Select(r => r.Implementation)
        );
        Assert.Equal(["ok", "ok", "ok", "ok", "ok", "failed", "missing"], rows.Select(r => r.Status));
        Assert.Equal("window-not-covered: log ends at iteration 231; the window needs 501", rows[5].Reason);
        Assert.All(rows.Take(5), r => Assert.InRange(r.Ratio!.Value, 0.95, 1.05));
        Assert.Equal(8, rows.Single(r => r.Implementation == "tensorpack").ImagesPerIteration);
    }

    [Fact]
    public void The_table_files_the_chart_and_the_report_match_their_snapshots()
    {
        // Arrange: mmdetection's lines arrived twice as slowly as its log says, so its row is suspect
        WriteLogs(Path.Combine(folder, "logs"));
        ThroughputSpecs.StretchArrivals(Path.Combine(folder, "logs", "mmdetection"), 2.0);
        var rows = Aggregator.FromLogs(Page, Path.Combine(folder, "logs"), r => r.ImagesPerIteration(8));

        // Act
        BenchmarkTable.Write(rows, Path.Combine(folder, "artifacts"));

        // Assert
        foreach (var name in BenchmarkTable.FileNames)
        {
            var text = File.ReadAllText(Path.Combine(folder, "artifacts", name)).Replace(folder, "TMP");
            text = System.Text.RegularExpressions.Regex.Replace(text, @"\d{4}-\d\d-\d\d \d\d:\d\d UTC", "(the time it was made)");
            Snapshot.Match(Path.GetFileNameWithoutExtension(name), text, Path.GetExtension(name).TrimStart('.'));
        }
    }

    [Fact]
    public void The_build_s_runs_give_results_failures_and_missing_rows()
    {
        // Arrange: detectron2 parsed; mmdetection's Train failed after an older result; the rest never ran
        var runs = Path.Combine(folder, "runs");
        WriteLogs(runs);
        var detectron2 = catalog.Get("detectron2");
        RunParser.ParseAndWrite(detectron2, Path.Combine(runs, "detectron2"), 16);
        var mmdetection = Path.Combine(runs, "mmdetection");
        RunParser.ParseAndWrite(catalog.Get("mmdetection"), mmdetection, 16);
        File.SetLastWriteTimeUtc(Path.Combine(mmdetection, RunFolder.ResultName), DateTime.UtcNow.AddHours(-1));
        ResultFiles.WriteFailure(mmdetection, new TargetFailure("Train-Mmdetection", "the training command exited with code 1"));

        // Act
        var rows = Aggregator.FromRuns(Page, runs, r => r.ImagesPerIteration(8));

        // Assert
        var byId = rows.ToDictionary(r => r.Implementation);
        Assert.Equal("ok", byId["detectron2"].Status);
        Assert.Equal(ResultFiles.Read(Path.Combine(runs, "detectron2", RunFolder.ResultName)).Throughput, byId["detectron2"].Throughput);
        Assert.Equal("failed", byId["mmdetection"].Status);
        Assert.Equal("Train-Mmdetection failed: the training command exited with code 1", byId["mmdetection"].Reason);
        Assert.Equal("missing", byId["tensorpack"].Status);
        Assert.Contains("./build.sh Parse-Tensorpack", byId["tensorpack"].Reason);
        Assert.Equal("detectron2", rows[0].Implementation);
    }

    [Fact]
    public void A_result_newer_than_a_failure_wins()
    {
        // Arrange
        var run = Path.Combine(folder, "detectron2");
        ResultFiles.WriteFailure(run, new TargetFailure("Train-Detectron2", "old failure"));
        File.SetLastWriteTimeUtc(Path.Combine(run, ResultFiles.FailureName), DateTime.UtcNow.AddHours(-1));
        _ = new TestRun(new LogOptions("detectron2"), run);
        RunParser.ParseAndWrite(catalog.Get("detectron2"), run, 16);

        // Act
        var row = Aggregator.FromRuns([catalog.Get("detectron2")], folder, r => r.ImagesPerIteration(8)).Single();

        // Assert
        Assert.Equal("ok", row.Status);
        Assert.Null(row.Reason);
    }

    [Fact]
    public void Aggregate_from_a_folder_that_does_not_exist_names_it()
    {
        // Act
        var error = Assert.Throws<DirectoryNotFoundException>(() =>
            Aggregator.FromLogs(Page, Path.Combine(folder, "nowhere"), r => r.ImagesPerIteration(8))
        );

        // Assert
        Assert.Contains(Path.Combine(folder, "nowhere"), error.Message);
    }
}
