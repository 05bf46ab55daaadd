using MaskBench.Model.Catalog;
using MaskBench.Model.Logs;
using MaskBench.Model.Records;
using MaskBench.Reports;
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
    public void The_table_shows_what_each_run_s_record_says_and_nothing_else()
    {
        // Arrange: detectron2 parsed; mmdetection's Train failed (an older log still lies beside it); matterport
        // trained but not parsed; simpledet's record is of another shape; the rest never ran
        var runs = Path.Combine(folder, "runs");
        WriteLogs(runs);
        var detectron2 = catalog.Get("detectron2");
        var parsed = RunParser.Parse(detectron2, Path.Combine(runs, "detectron2"), 16, Window.Page);
        Record(runs, "detectron2", "ok", "Parse", null, parsed);
        Record(
            runs,
            "mmdetection",
            "failed",
            "Train",
            "the training exited with code 1 at iteration 20, before the window's end 500",
            null
        );
        Record(runs, "matterport", RunRecord.Trained, "Train", null, null);
        File.WriteAllText(Path.Combine(runs, "simpledet", "record.json"), "{}");

        // Act
        var rows = Aggregator.FromRecords(Page, r => [Path.Combine(runs, r.Id, "record.json")], r => r.ImagesPerIteration(8));

        // Assert
        var byId = rows.ToDictionary(r => r.Implementation);
        Assert.Equal("ok", byId["detectron2"].Status);
        Assert.Equal(parsed.Throughput, byId["detectron2"].Throughput);
        Assert.Equal("failed", byId["mmdetection"].Status);
        Assert.Equal(
            "Train failed: the training exited with code 1 at iteration 20, before the window's end 500",
            byId["mmdetection"].Reason
        );
        Assert.Equal("missing", byId["matterport"].Status);
        Assert.Contains("Parse-Matterport", byId["matterport"].Reason);
        Assert.Equal("failed", byId["simpledet"].Status);
        Assert.Contains(Path.Combine("simpledet", "record.json"), byId["simpledet"].Reason);
        Assert.Equal("missing", byId["tensorpack"].Status);
        Assert.Contains("--implementations tensorpack", byId["tensorpack"].Reason);
        Assert.Equal("detectron2", rows[0].Implementation);
    }

    [Fact]
    public void A_record_of_another_version_is_named_and_never_taken_for_a_result()
    {
        // Arrange
        var runs = Path.Combine(folder, "runs");
        Directory.CreateDirectory(Path.Combine(runs, "detectron2"));
        File.WriteAllText(Path.Combine(runs, "detectron2", "record.json"), """{"version": 99, "status": "ok", "throughput": 1e9}""");

        // Act
        var row = Aggregator
            .FromRecords([catalog.Get("detectron2")], r => [Path.Combine(runs, r.Id, "record.json")], r => r.ImagesPerIteration(8))
            .Single();

        // Assert
        Assert.Equal("failed", row.Status);
        Assert.Null(row.Throughput);
        Assert.Contains("version 99", row.Reason);
    }

    static void Record(string runs, string id, string status, string stage, string? reason, ThroughputResult? result)
    {
        Directory.CreateDirectory(Path.Combine(runs, id));
        RunRecords.Write(
            Path.Combine(runs, id, "record.json"),
            new RunRecord(
                RunRecord.CurrentVersion,
                id,
                1,
                status,
                stage,
                reason,
                Path.Combine(runs, id, "train.log"),
                DateTimeOffset.UnixEpoch,
                result
            )
        );
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
