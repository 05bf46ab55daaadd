using MaskBench.Workflows;

namespace MaskBench.Tests.Workflows;

/// <summary>What every committed workflow (as <c>./build.sh Generate</c> wrote them) keeps to, job by job.</summary>
public class CommittedWorkflowSpecs
{
    /// <summary>The GitHub-hosted runners the declarations may name.</summary>
    static readonly string[] GitHubHosted = ["ubuntu-latest", "ubuntu-24.04", "ubuntu-22.04"];

    static IEnumerable<(string File, string Yaml)> Committed() =>
        Directory
            .GetFiles(Paths.Repository(".github", "workflows"), "*.yml")
            .Order(StringComparer.Ordinal)
            .Select(f => (Path.GetFileName(f), File.ReadAllText(f)));

    /// <summary>The labels of <c>.github/actionlint.yaml</c>'s <c>self-hosted-runner.labels</c>.</summary>
    internal static string[] DeclaredLabels() =>
        [
            .. File.ReadAllLines(Paths.Repository(".github", ActionlintConfig.FileName))
                .Where(l => l.StartsWith("    - ", StringComparison.Ordinal))
                .Select(l => l["    - ".Length..].Trim()),
        ];

    /// <summary>Each job's runs-on label that is neither GitHub-hosted, nor one every self-hosted runner has, nor declared.</summary>
    static IEnumerable<string> Undeclared(string file, string yaml, IReadOnlyList<string> declared) =>
        WorkflowJobs
            .Of(yaml)
            .SelectMany(job => WorkflowJobs.RunsOn(job.Block).Select(label => (job.Id, Label: label)))
            .Where(j => !GitHubHosted.Contains(j.Label) && !ActionlintConfig.Builtin.Contains(j.Label) && !declared.Contains(j.Label))
            .Select(j => $"{file}: {j.Id}: {j.Label}");

    [Fact]
    public void Every_runner_label_a_workflow_asks_for_is_GitHub_hosted_or_declared_in_actionlint_yaml()
    {
        // Arrange
        var declared = DeclaredLabels();

        // Act
        var undeclared = Committed().SelectMany(w => Undeclared(w.File, w.Yaml, declared)).ToList();

        // Assert
        Assert.Empty(undeclared);
        Assert.NotEmpty(declared);
        Assert.Contains(Committed(), w => WorkflowJobs.Of(w.Yaml).Any(j => WorkflowJobs.RunsOn(j.Block).Contains("self-hosted")));
    }

    [Fact]
    public void A_runner_label_missing_from_actionlint_yaml_is_named_with_its_workflow_and_job()
    {
        // Arrange: the V100 runner of the specs, whose gpu-v100x8 the committed config does not declare
        var yaml = Declared.Bisect.Render();

        // Act
        var undeclared = Undeclared("bisect.yml", yaml, DeclaredLabels()).ToList();

        // Assert
        Assert.Equal(["bisect.yml: bisect: gpu-v100x8"], undeclared);
    }

    [Fact]
    public void No_self_hosted_job_restores_a_cache_over_what_its_runner_keeps()
    {
        // Act
        var jobs = Committed().SelectMany(w => WorkflowJobs.Of(w.Yaml).Select(j => (w.File, j.Id, j.Block))).ToList();
        var selfHosted = jobs.Where(j => WorkflowJobs.RunsOn(j.Block).Contains("self-hosted")).ToList();

        // Assert: the GPU jobs keep their stamps and weights in the persistent work folder instead
        Assert.Equal(["benchmark.yml: benchmark", "bisect.yml: bisect"], selfHosted.Select(j => $"{j.File}: {j.Id}"));
        Assert.All(selfHosted, j => Assert.DoesNotContain("actions/cache", j.Block));
        Assert.All(selfHosted, j => Assert.Contains("--work-dir \"$MASKBENCH_WORK\"", j.Block));
    }
}
