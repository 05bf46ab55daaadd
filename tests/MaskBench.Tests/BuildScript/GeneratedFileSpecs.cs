using MaskBench.Tests.Snapshots;

namespace MaskBench.Tests.BuildScript;

public class GeneratedFileSpecs
{
    [Fact(Timeout = 120_000)]
    public async Task The_parameter_schema_lists_every_target_and_parameter()
    {
        // Arrange
        using var build = new BuildScript();

        // Act: every run of the build regenerates the schema when the build's declaration changed
        await build.Run("--help");

        // Assert
        Snapshot.Match("build.schema", await File.ReadAllTextAsync(Paths.Repository(".nuke", "build.schema.json")), "json");
    }

    [Fact]
    public void The_committed_workflow_is_the_one_the_build_declares()
    {
        // Arrange
        var declared = MaskBench.Build.Build.Workflow.Render();

        // Act
        var committed = File.ReadAllText(Paths.Repository(".github", "workflows", "ci.yml"));

        // Assert
        Assert.Equal(declared, committed);
        Snapshot.Match("ci.workflow", declared, "yml");
    }
}
