using System.Reflection;
using MaskBench.Stages;
using MaskBench.Workflows;

namespace MaskBench.Tests.Workflows;

public class HistoryPagesSpecs
{
    [Fact]
    public void After_a_run_that_published_its_history_the_report_over_time_is_deployed_to_GitHub_Pages()
    {
        // Act
        var yaml = Declared.Benchmark.Render();
        var pages = WorkflowJobs.Job(yaml, "pages");

        // Assert: after the push to the data branch (never on a pull request), on a GitHub-hosted runner
        Assert.Contains("    needs: publish-history\n", pages);
        Assert.Contains("needs.publish-history.result == 'success'", pages);
        Assert.Contains("github.event_name != 'pull_request'", WorkflowJobs.Job(yaml, "publish-history"));
        Assert.Equal(["ubuntu-latest"], WorkflowJobs.RunsOn(pages));
        Assert.Contains("      pages: write\n      id-token: write\n", pages);
        Assert.Contains("    environment:\n      name: github-pages\n", pages);
        var report = pages.IndexOf(
            "run: ./build.sh HistoryReport --history artifacts/history --baseline-runs 10",
            StringComparison.Ordinal
        );
        var upload = pages.IndexOf(
            $"- uses: actions/upload-pages-artifact@v3\n        with:\n          path: {HistoryPages.Site}\n",
            StringComparison.Ordinal
        );
        var deploy = pages.IndexOf("uses: actions/deploy-pages@v4", StringComparison.Ordinal);
        Assert.True(
            pages.IndexOf("git archive FETCH_HEAD history", StringComparison.Ordinal) is var history && history >= 0 && history < report
        );
        Assert.True(report >= 0 && report < upload && upload < deploy, pages);
    }

    [Fact]
    public void The_site_is_the_folder_the_HistoryReport_target_writes()
    {
        // Arrange
        var root = Path.GetFullPath("/checkout");

        // Act
        var target = typeof(MaskBench.Build.Build).GetProperty("HistoryReport", BindingFlags.Instance | BindingFlags.NonPublic);
        var overTime = Workspace.Under(root).OverTime;

        // Assert
        Assert.NotNull(target);
        Assert.Equal(Path.Combine(root, HistoryPages.Site), overTime);
    }
}
