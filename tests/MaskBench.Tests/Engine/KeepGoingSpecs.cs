using MaskBench.Engine;

namespace MaskBench.Tests.Engine;

public class KeepGoingSpecs
{
    [Fact]
    public void A_failing_chain_does_not_stop_the_other_chains_and_the_table_is_still_written()
    {
        // Arrange
        using var engine = new EngineHarness()
            .Step("Train-A", body: () => throw new InvalidOperationException("Loss is NaN"))
            .Step("Parse-A", d => d.DependsOn("Train-A"))
            .Step("Train-B")
            .Step("Parse-B", d => d.DependsOn("Train-B"))
            .Step("Aggregate", d => d.After("Parse-A", "Parse-B").AssuredAfterFailure())
            .Step("Benchmark", d => d.DependsOn("Parse-A", "Parse-B", "Aggregate"));

        // Act
        var results = engine.Run(["Benchmark"]).ToDictionary(r => r.Target);

        // Assert
        Assert.Equal(["Train-A", "Train-B", "Parse-B", "Aggregate"], engine.Ran);
        Assert.Equal(TargetStatus.Failed, results["Train-A"].Status);
        Assert.Equal(TargetStatus.NotRun, results["Parse-A"].Status);
        Assert.Equal("Train-A failed", results["Parse-A"].Reason);
        Assert.Equal(TargetStatus.NotRun, results["Benchmark"].Status);
    }

    [Fact]
    public void The_plan_says_what_would_run_and_why_without_running_anything()
    {
        // Arrange
        using var engine = new EngineHarness()
            .Step("Clone", d => d.Inputs(i => i.Value("pin", "abc")), output: "clone.txt")
            .Step("Patch", d => d.DependsOn("Clone").Inputs(i => i.Value("patches", "none")), output: "patch.txt")
            .Step("Report", d => d.DependsOn("Patch"));
        engine.Run(["Clone"]);

        // Act
        var plan = engine.Plan("Report");

        // Assert
        Assert.Empty(engine.Ran);
        Assert.Equal(
            """
            Plan for Report: 2 of 3 targets to run
              Clone   up-to-date
              Patch   run         never ran successfully
              Report  run         has no up-to-date check; runs every time

            """.Replace("\r\n", "\n"),
            plan.ToText()
        );
    }

    [Fact]
    public void The_plan_predicts_that_a_target_reruns_when_its_upstream_will_run()
    {
        // Arrange
        var pin = "abc";
        using var engine = new EngineHarness()
            .Step("Clone", d => d.Inputs(i => i.Value("pin", pin)), output: "clone.txt")
            .Step("Patch", d => d.DependsOn("Clone").Inputs(i => i.Value("patches", "none")), output: "patch.txt");
        engine.Run(["Patch"]);
        pin = "def";

        // Act
        var plan = engine.Plan("Patch");

        // Assert
        Assert.Equal([new Reason("input-changed", "pin changed", "pin", "abc", "def")], plan.Decisions[0].Reasons);
        Assert.Equal([new Reason("upstream", "Clone runs first and may change its output", "Clone")], plan.Decisions[1].Reasons);
    }
}
