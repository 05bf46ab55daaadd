namespace MaskBench.Workflows;

/// <summary>Every file <c>./build.sh Generate</c> writes under <c>.github/</c> (and <c>Generate --check</c> compares with
/// the committed ones): ci.yml, benchmark.yml, bisect.yml, release.yml and actionlint.yaml.</summary>
internal static class GeneratedWorkflows
{
    public static IEnumerable<(string Path, string Content)> Files(
        string root,
        GitHubActionsWorkflow ci,
        BenchmarkWorkflow benchmark,
        BisectWorkflow bisect,
        GpuRunner runner
    )
    {
        var workflows = Path.Combine(root, ".github", "workflows");
        yield return (Path.Combine(workflows, $"{ci.Name}.yml"), ci.Render());
        yield return (Path.Combine(workflows, BenchmarkWorkflow.FileName), benchmark.Render());
        yield return (Path.Combine(workflows, BisectWorkflow.FileName), bisect.Render());
        yield return (Path.Combine(workflows, ReleaseWorkflow.FileName), new ReleaseWorkflow(ci.RunsOn).Render());
        yield return (Path.Combine(root, ".github", ActionlintConfig.FileName), ActionlintConfig.Render(runner));
    }
}
