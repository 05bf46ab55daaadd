using MaskBench.Workflows;

namespace MaskBench.Tests.Workflows;

public class GpuQueueSpecs
{
    [Fact]
    public void A_queued_weekly_run_a_dispatch_a_bisect_and_a_pull_request_never_cancel_each_other()
    {
        // Act
        var benchmark = Declared.Benchmark.Render();
        var bisect = Declared.Bisect.Render();
        var gpuJobs = new[] { WorkflowJobs.Job(benchmark, "benchmark"), WorkflowJobs.Job(bisect, "bisect") };

        // Assert: GitHub cancels the older pending run of a group, so each run gets a group of its own (a pull
        // request's runs share theirs), on the GPU job, and nothing running is ever cancelled
        foreach (var preamble in new[] { WorkflowJobs.Preamble(benchmark), WorkflowJobs.Preamble(bisect) })
            Assert.DoesNotContain("concurrency:", preamble);
        Assert.Contains($"      group: {GpuConcurrency.Group("benchmark")}\n", gpuJobs[0]);
        Assert.Contains($"      group: {GpuConcurrency.Group("bisect")}\n", gpuJobs[1]);
        Assert.NotEqual(GpuConcurrency.Group("benchmark"), GpuConcurrency.Group("bisect"));
        Assert.Contains("format('run-{0}', github.run_id)", GpuConcurrency.Group("benchmark"));
        Assert.Contains("format('pr-{0}', github.event.pull_request.number)", GpuConcurrency.Group("benchmark"));
        Assert.All(gpuJobs, job => Assert.Contains("      cancel-in-progress: false\n", job));
        Assert.DoesNotContain("cancel-in-progress: true", benchmark + bisect);
        Assert.All(gpuJobs, job => Assert.Contains("    # A concurrency group per run", job));
    }

    [Fact]
    public void A_pull_request_labelled_with_another_label_starts_no_GPU_run_and_no_comment()
    {
        // Act
        var yaml = Declared.Benchmark.Render();

        // Assert: the GPU job runs when the benchmark label is the one added, or on a push to a labelled pull
        // request; the comment job runs only after a GPU job that ran
        var gpu = WorkflowJobs.Job(yaml, "benchmark");
        Assert.Contains("github.event.action == 'labeled' && github.event.label.name == 'benchmark'", gpu);
        Assert.Contains("github.event.action == 'synchronize' && contains(github.event.pull_request.labels.*.name, 'benchmark')", gpu);
        Assert.Contains("github.event.pull_request.head.repo.full_name == github.repository", gpu);
        Assert.Contains("needs.benchmark.result != 'skipped'", WorkflowJobs.Job(yaml, "comment"));
    }

    [Fact]
    public void The_GPU_workflows_cache_nothing_the_self_hosted_runner_keeps_anyway()
    {
        // Act
        var yaml = Declared.Benchmark.Render() + Declared.Bisect.Render();

        // Assert
        Assert.DoesNotContain("actions/cache", yaml);
        Assert.Contains("MASKBENCH_WORK: ${{ github.workspace }}/../maskbench-work", yaml);
    }

    [Fact]
    public void A_labelled_pull_request_gets_compare_md_as_one_comment_updated_on_each_run()
    {
        // Act
        var comment = WorkflowJobs.Job(Declared.Benchmark.Render(), "comment");

        // Assert
        Assert.Equal(["ubuntu-latest"], WorkflowJobs.RunsOn(comment));
        Assert.Contains("      pull-requests: write\n", comment);
        Assert.Contains("github.event_name == 'pull_request'", comment);
        Assert.Contains($"marker='{PullRequestComment.Marker}'", comment);
        Assert.Contains("select(.body | startswith(\\\"$marker\\\"))", comment);
        Assert.Contains("gh api -X PATCH \"repos/$GITHUB_REPOSITORY/issues/comments/$id\"", comment);
        Assert.Contains("cat artifacts/compare.md", comment);
    }
}
