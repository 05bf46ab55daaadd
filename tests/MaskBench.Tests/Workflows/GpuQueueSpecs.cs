namespace MaskBench.Tests.Workflows;

public class GpuQueueSpecs
{
    [Fact]
    public void A_queued_weekly_run_and_a_queued_bisect_never_cancel_each_other()
    {
        // Act
        var benchmark = Declared.Benchmark.Render();
        var bisect = Declared.Bisect.Render();

        // Assert: GitHub cancels the older pending run of a group, so the two workflows need groups of their own
        var groupOf = (string yaml) => yaml.Split('\n').Single(l => l.TrimStart().StartsWith("group: ", StringComparison.Ordinal)).Trim();
        Assert.NotEqual(groupOf(benchmark), groupOf(bisect));
        Assert.Contains("cancel-in-progress: false", benchmark);
        Assert.Contains("cancel-in-progress: false", bisect);
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
        var yaml = Declared.Benchmark.Render();

        // Assert
        Assert.Contains("pull-requests: write", yaml);
        Assert.Contains("if: ${{ !cancelled() && github.event_name == 'pull_request' }}", yaml);
        Assert.Contains("gh api -X PATCH", yaml);
        Assert.Contains("<!-- maskbench-compare -->", yaml);
    }
}
