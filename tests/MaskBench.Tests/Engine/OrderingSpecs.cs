using MaskBench.Engine;

namespace MaskBench.Tests.Engine;

public class OrderingSpecs
{
    [Fact]
    public void Dependencies_run_before_the_target_that_needs_them()
    {
        // Arrange
        using var engine = new EngineHarness()
            .Step("Train", d => d.DependsOn("Setup"))
            .Step("Setup", d => d.DependsOn("Clone"))
            .Step("Clone");

        // Act
        engine.Run(["Train"]);

        // Assert
        Assert.Equal(["Clone", "Setup", "Train"], engine.Ran);
    }

    [Fact]
    public void After_orders_only_when_both_are_scheduled()
    {
        // Arrange
        using var engine = new EngineHarness().Step("Report", d => d.After("Train")).Step("Train").Step("Lint");

        // Act
        engine.Run(["Report", "Train", "Lint"]);
        var ranTogether = engine.Ran.ToList();
        engine.Run(["Report"]);

        // Assert
        Assert.Equal(["Train", "Report", "Lint"], ranTogether);
        Assert.Equal(["Report"], engine.Ran);
    }

    [Fact]
    public void After_waits_for_the_other_target_to_finish_even_when_targets_run_at_once()
    {
        // Arrange
        using var engine = new EngineHarness()
            .Async("Report", d => d.After("Train"), null, _ => Task.CompletedTask)
            .Async("Train", null, null, _ => Task.Delay(50));

        // Act
        engine.Run(["Report", "Train"], jobs: 4);

        // Assert
        Assert.True(engine.Moment("Train", "end") < engine.Moment("Report", "start"), "Report started before Train finished");
    }

    [Fact]
    public void Skipping_a_target_also_leaves_out_what_only_it_needed()
    {
        // Arrange
        using var engine = new EngineHarness()
            .Step("Train", d => d.DependsOn("Setup"))
            .Step("Setup", d => d.DependsOn("Clone"))
            .Step("Clone");

        // Act
        var results = engine.Run(["Train"], skipped: new HashSet<string> { "Setup" });

        // Assert
        Assert.Equal(["Train"], engine.Ran);
        Assert.Equal(TargetStatus.Skipped, results.Single(r => r.Target == "Setup").Status);
        Assert.DoesNotContain(results, r => r.Target == "Clone");
    }

    [Fact]
    public void A_cycle_is_refused_with_the_targets_that_form_it()
    {
        // Arrange
        using var engine = new EngineHarness()
            .Step("A", d => d.DependsOn("B"))
            .Step("B", d => d.DependsOn("C"))
            .Step("C", d => d.After("A"));

        // Act
        var error = Assert.Throws<BuildException>(() => engine.Graph());

        // Assert
        Assert.Contains("cycle", error.Message);
        Assert.Contains("A", error.Message);
        Assert.Contains("B", error.Message);
        Assert.Contains("C", error.Message);
    }

    [Fact]
    public void A_relation_to_an_unknown_target_names_the_nearest_one()
    {
        // Arrange
        using var engine = new EngineHarness().Step("Train", d => d.DependsOn("Setpu")).Step("Setup");

        // Act
        var error = Assert.Throws<BuildException>(() => engine.Graph());

        // Assert
        Assert.Equal("target 'Train' refers to 'Setpu', which is not a target (did you mean 'Setup'?)", error.Message);
    }
}
