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

    [ParameterGroup("GpuRunner")]
    readonly GpuRunnerParameters GpuRunnerGroup = new();

    internal GpuRunner GpuRunner => GpuRunnerGroup.Runner;

    internal BenchmarkWorkflow BenchmarkWorkflow =>
        new(GpuRunner, "0 2 * * 0", PullRequestLabel: "benchmark", DataBranch: "benchmark-data", History.BaselineRuns);

    internal BisectWorkflow BisectWorkflow => new(GpuRunner, [.. Catalog.All.Select(r => r.TargetSuffix)]);

    protected override IEnumerable<(string Path, string Content)> GeneratedFiles(
        TargetGraph graph,
        IReadOnlyList<BuildParameter> parameters
    ) =>
        base.GeneratedFiles(graph, parameters)
            .Concat(GeneratedWorkflows.Files(RootDirectory, Workflow, BenchmarkWorkflow, BisectWorkflow, GpuRunner));
}
