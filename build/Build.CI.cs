using MaskBench.Development;
using MaskBench.Engine;
using MaskBench.Workflows;

namespace MaskBench.Build;

partial class Build
{
    /// <summary>The GitHub Actions workflow, written from this declaration by <c>./build.sh Generate</c>
    /// (and checked against the committed file by <c>Generate --check</c>, in CI and in a test, which NUKE does not do).</summary>
    internal static readonly GitHubActionsWorkflow Workflow = new(
        Name: "ci",
        RunsOn: "ubuntu-24.04",
        Setup: "sudo bash scripts/install-test-deps.sh",
        InvokedTargets: ["Test"],
        EndToEnd: $"SMOKE_ARTIFACTS={SmokeArtifacts} bash scripts/smoke-e2e.sh",
        Tables:
        [
            new("Tests by group", $"{TestResults}/{TestSummary.FileName}"),
            new("The smoke benchmark", $"{SmokeArtifacts}/benchmark.md"),
        ],
        Results: [TestResults + "/", SmokeArtifacts + "/"],
        TimeoutMinutes: 60
    );

    /// <summary>Where <c>Test</c> writes its trx files and counts (<see cref="TestSummary"/>), from the root.</summary>
    const string TestResults = "artifacts/" + TestSummary.Folder;

    /// <summary>Where scripts/smoke-e2e.sh keeps the smoke run's artifacts (<c>SMOKE_ARTIFACTS</c>) for CI.</summary>
    const string SmokeArtifacts = "artifacts/smoke";

    /// <summary>The benchmark and bisect workflows' self-hosted GPU runner, from <c>--gpu-runner-labels</c> and
    /// <c>--gpu-runner-arguments</c> (set them in <c>.nuke/parameters.json</c>, so that <c>Generate --check</c> agrees).</summary>
    internal GpuRunner GpuRunner => new(GpuRunnerLabels, GpuRunnerArguments, TimeoutMinutes: 1440);

    internal BenchmarkWorkflow BenchmarkWorkflow =>
        new(
            GpuRunner,
            Schedule: "0 2 * * 0",
            PullRequestLabel: "benchmark",
            DataBranch: "benchmark-data",
            BaselineRuns: History.BaselineRuns
        );

    internal BisectWorkflow BisectWorkflow => new(GpuRunner, [.. Catalog.All.Select(r => r.TargetSuffix)]);

    protected override IEnumerable<(string Path, string Content)> GeneratedFiles(
        TargetGraph graph,
        IReadOnlyList<BuildParameter> parameters
    ) =>
        base.GeneratedFiles(graph, parameters)
            .Append((Path.Combine(RootDirectory, ".github", "workflows", $"{Workflow.Name}.yml"), Workflow.Render()))
            .Append((Path.Combine(RootDirectory, ".github", "workflows", BenchmarkWorkflow.FileName), BenchmarkWorkflow.Render()))
            .Append((Path.Combine(RootDirectory, ".github", "workflows", BisectWorkflow.FileName), BisectWorkflow.Render()))
            .Append(
                (
                    Path.Combine(RootDirectory, ".github", "workflows", ReleaseWorkflow.FileName),
                    new ReleaseWorkflow(Workflow.RunsOn).Render()
                )
            )
            .Append((Path.Combine(RootDirectory, ".github", ActionlintConfig.FileName), ActionlintConfig.Render(GpuRunner)));
}
