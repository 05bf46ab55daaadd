using MaskBench.Tests.Snapshots;
using MaskBench.Workflows;

namespace MaskBench.Tests.Workflows;

public class ActionlintConfigSpecs
{
    [Fact]
    public void The_committed_actionlint_config_declares_the_GPU_runner_s_own_labels()
    {
        // Arrange
        var runner = new MaskBench.Build.Build().GpuRunner;

        // Act
        var committed = File.ReadAllText(Paths.Repository(".github", ActionlintConfig.FileName));

        // Assert: what Generate writes, with each label that is not a built-in one
        Assert.Equal(ActionlintConfig.Render(runner), committed);
        Assert.NotEmpty(ActionlintConfig.CustomLabels(runner));
        foreach (var label in ActionlintConfig.CustomLabels(runner))
            Assert.Contains($"    - {label}\n", committed);
        Assert.DoesNotContain("- self-hosted", committed);
    }

    [Fact]
    public void A_runner_with_its_own_labels_gets_them_all_in_the_config()
    {
        // Act
        var yaml = ActionlintConfig.Render(Declared.Runner);

        // Assert
        Snapshot.Match("actionlint.config", yaml, "yaml");
    }
}
