using CliWrap;
using CliWrap.Buffered;
using MaskBench.Development;
using MaskBench.Stages;
using MaskBench.Workflows;

namespace MaskBench.Tests.Workflows;

public sealed class CiWorkflowSpecs : IDisposable
{
    readonly string root = Directory.CreateTempSubdirectory("maskbench-ci-summary-").FullName;

    static readonly GitHubActionsWorkflow Ci = MaskBench.Build.Build.Workflow;

    [Fact]
    public void CI_uploads_the_trx_files_and_the_smoke_artifacts_whatever_failed()
    {
        // Act
        var job = WorkflowJobs.Job(Ci.Render(), "ci");
        var testResults = Path.GetRelativePath("/r", TestSummary.In(Workspace.Under("/r").Artifacts));

        // Assert: the folders Test and the smoke run write, after the steps that write them
        Assert.Equal([$"{testResults}/", "artifacts/smoke/"], Ci.Results);
        Assert.Contains("SMOKE_ARTIFACTS=artifacts/smoke bash scripts/smoke-e2e.sh", Ci.EndToEnd);
        var upload = job.IndexOf("- uses: actions/upload-artifact@v4\n        if: ${{ always() }}\n", StringComparison.Ordinal);
        Assert.True(upload > job.IndexOf("run: ./build.sh Test", StringComparison.Ordinal), job);
        Assert.Contains("            artifacts/test-results/\n            artifacts/smoke/\n", job[upload..]);
        Assert.Contains("- name: The tables in the job summary\n        if: ${{ always() }}\n", job);
        Assert.Contains("SMOKE_ARTIFACTS", File.ReadAllText(Paths.Repository("scripts", "smoke-e2e.sh")));
    }

    [Fact]
    [Trait(Needs.Trait, Needs.Processes)]
    public async Task CI_shows_the_test_counts_per_group_and_the_smoke_table_in_the_job_summary()
    {
        // Arrange: the tests wrote their counts; the smoke run did not get to write its table
        Directory.CreateDirectory(Path.Combine(root, "artifacts", "test-results"));
        File.WriteAllText(Path.Combine(root, "artifacts", "test-results", "summary.md"), "| in-process | 412 |\n");
        var summary = Path.Combine(root, "summary.md");

        // Act
        var result = await Cli.Wrap("bash")
            .WithArguments(["-c", CiSummary.Script(Ci.Tables)])
            .WithWorkingDirectory(root)
            .WithEnvironmentVariables(env => env.Set("GITHUB_STEP_SUMMARY", summary))
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync();

        // Assert
        Assert.True(result.IsSuccess, result.StandardError);
        Assert.Equal(
            "### Tests by group\n\n| in-process | 412 |\n\n### The smoke benchmark: not written (artifacts/smoke/benchmark.md is missing)\n",
            File.ReadAllText(summary)
        );
    }

    public void Dispose() => Directory.Delete(root, recursive: true);
}
