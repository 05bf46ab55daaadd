using MaskBench.Model.Catalog;
using MaskBench.Model.Logs;

namespace MaskBench.Tests.Parsing;

public class FailureSpecs
{
    public static TheoryData<string> Formats => [.. LogFormats.Known];

    static FailureFound Single(ThroughputResult result, string kind) => Assert.Single(result.Failures, f => f.Kind == kind);

    [Theory]
    [MemberData(nameof(Formats))]
    public void A_log_that_ends_before_the_window_says_where_it_ends(string format)
    {
        // Arrange
        using var run = new TestRun(ThroughputSpecs.Options(format) with { Iterations = 250 });

        // Act
        var result = run.Parse();

        // Assert
        Assert.Equal(ThroughputResult.Failed, result.Status);
        Assert.Null(result.Throughput);
        var needs = format is "mxnet-speedometer" or "detectron" ? 501 : 500;
        var seen = format == "mxnet-speedometer" ? 241 : 250; // its last line, Batch [240], closes 1-based iteration 241
        Assert.Equal($"log ends at iteration {seen}; the window needs {needs}", Single(result, "window-not-covered").Message);
        Assert.StartsWith($"window-not-covered: log ends at iteration {seen}", result.Reason);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void A_nan_loss_in_the_window_fails_the_run(string format)
    {
        // Arrange
        using var run = new TestRun(ThroughputSpecs.Options(format) with { NanAt = 300 });

        // Act
        var result = run.Parse();

        // Assert
        Assert.Equal(ThroughputResult.Failed, result.Status);
        Assert.Null(result.Throughput);
        Assert.False(Single(result, "nan").AfterWindow);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Out_of_memory_fails_the_run_and_names_the_line(string format)
    {
        // Arrange
        using var run = new TestRun(ThroughputSpecs.Options(format) with { OomAt = 320 });

        // Act
        var result = run.Parse();

        // Assert
        Assert.Equal(ThroughputResult.Failed, result.Status);
        var oom = Single(result, "oom");
        Assert.NotNull(oom.Line);
        Assert.Matches("(?i)out of memory|OOM when allocating", oom.Message);
        Assert.Contains(result.Failures, f => f.Kind == "window-not-covered");
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void A_missing_dataset_is_reported_as_such(string format)
    {
        // Arrange
        using var run = new TestRun(ThroughputSpecs.Options(format) with { MissingData = true });

        // Act
        var result = run.Parse();

        // Assert
        Assert.Equal(ThroughputResult.Failed, result.Status);
        Assert.Contains("instances_train2017.json", Single(result, "data").Message);
        Assert.Equal(
            "log ends at iteration 0; the window needs " + (format is "mxnet-speedometer" or "detectron" ? 501 : 500),
            Single(result, "window-not-covered").Message
        );
    }

    [Fact]
    public void A_traceback_is_reported_with_its_exception_line()
    {
        // Arrange
        using var run = new TestRun(new LogOptions("mmcv", CrashAt: 260));

        // Act
        var result = run.Parse();

        // Assert
        Assert.Equal("Traceback: RuntimeError: simulated crash at iteration 260", Single(result, "traceback").Message);
        Assert.Equal(ThroughputResult.Failed, result.Status);
    }

    [Fact]
    public void A_crash_after_the_window_is_kept_but_does_not_fail_the_run()
    {
        // Arrange: the harness stopping a run after the window makes exactly such a traceback
        using var run = new TestRun(new LogOptions("detectron2", CrashAt: 560));

        // Act
        var result = run.Parse();

        // Assert
        Assert.Equal(ThroughputResult.Ok, result.Status);
        Assert.NotNull(result.Throughput);
        Assert.True(Single(result, "traceback").AfterWindow);
        Assert.Null(result.Reason);
    }

    [Fact]
    public void A_skipped_batch_breaks_the_maskrcnn_benchmark_formula()
    {
        // Arrange
        using var run = new TestRun(new LogOptions("maskrcnn-benchmark", SkipBatchAt: 237));

        // Act
        var result = run.Parse();

        // Assert
        Assert.Equal(ThroughputResult.Failed, result.Status);
        var skipped = Single(result, "skipped-batch");
        Assert.Contains("Iteration=237", skipped.Message);
        Assert.Contains("exact formula", skipped.Message);
    }

    [Fact]
    public void A_recipe_failure_pattern_is_reported_under_its_own_kind()
    {
        // Arrange
        using var run = new TestRun(new LogOptions("detectron", MissingData: true));
        FailureSpec[] recipe = [new("data", "No such file or directory: 'datasets/coco")];

        // Act
        var result = run.Parse(failures: recipe);

        // Assert
        Assert.Contains("instances_train2017.json", Single(result, "data").Message);
    }

    [Fact]
    public void A_run_without_a_log_fails_with_the_path()
    {
        // Arrange
        var folder = Path.Combine(Path.GetTempPath(), "maskbench-empty-" + Guid.NewGuid().ToString("N"));

        // Act
        var result = LogFormats.Get("detectron2").Parse(new RunFolder(folder), Window.Page, 16, []);

        // Assert
        Assert.Equal(ThroughputResult.Failed, result.Status);
        Assert.Contains(Path.Combine(folder, "train.log"), Single(result, "missing-log").Message);
    }
}
