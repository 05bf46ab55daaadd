using MaskBench.Engine;

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
        TimeoutMinutes: 60
    );

    protected override IEnumerable<(string Path, string Content)> GeneratedFiles(
        TargetGraph graph,
        IReadOnlyList<BuildParameter> parameters
    ) =>
        base.GeneratedFiles(graph, parameters)
            .Append((Path.Combine(RootDirectory, ".github", "workflows", $"{Workflow.Name}.yml"), Workflow.Render()));
}
