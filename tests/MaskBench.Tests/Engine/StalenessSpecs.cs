using MaskBench.Engine;

namespace MaskBench.Tests.Engine;

public class StalenessSpecs
{
    static string ReasonOf(IReadOnlyList<TargetResult> results, string target) => results.Single(r => r.Target == target).Reason;

    [Fact]
    public void A_second_run_with_nothing_changed_runs_nothing()
    {
        // Arrange
        using var engine = new EngineHarness()
            .Step("Clone", d => d.Inputs(i => i.Value("pin", "abc")), output: "clone.txt")
            .Step("Patch", d => d.DependsOn("Clone").Inputs(i => i.Value("patches", "none")), output: "patch.txt");
        engine.Run(["Patch"]);

        // Act
        var second = engine.Run(["Patch"]);

        // Assert
        Assert.Empty(engine.Ran);
        Assert.All(second, r => Assert.Equal(TargetStatus.UpToDate, r.Status));
    }

    [Fact]
    public void A_changed_parameter_reruns_only_what_reads_it_and_says_which_value_changed()
    {
        // Arrange
        var gpus = 8;
        using var engine = new EngineHarness()
            .Step("Setup", d => d.Inputs(i => i.Value("stack", "cuda 10.1")), output: "env.txt")
            .Step("Train", d => d.DependsOn("Setup").Inputs(i => i.Parameter("Gpus", gpus)), output: "train.log");
        engine.Run(["Train"]);
        gpus = 4;

        // Act
        var results = engine.Run(["Train"]);

        // Assert
        Assert.Equal(["Train"], engine.Ran);
        Assert.Equal("parameter gpus changed (8 → 4)", ReasonOf(results, "Train"));
    }

    [Fact]
    public void An_edited_input_file_reruns_its_target_and_the_targets_whose_input_changed_with_it()
    {
        // Arrange
        using var engine = new EngineHarness();
        var patch = engine.PathOf("fix.diff");
        File.WriteAllText(patch, "one");
        engine
            .Step("Clone", d => d.Inputs(i => i.Value("pin", "abc")), output: "clone.txt")
            .Step("Patch", d => d.DependsOn("Clone").Inputs(i => i.File(patch)), output: "patch.txt")
            .Step("Setup", d => d.DependsOn("Patch").Inputs(i => i.Value("stack", "x")), output: "env.txt");
        engine.Run(["Setup"]);
        File.WriteAllText(patch, "two");

        // Act
        var results = engine.Run(["Setup"]);

        // Assert
        Assert.Equal(["Patch", "Setup"], engine.Ran);
        Assert.StartsWith("input file ", ReasonOf(results, "Patch"));
        Assert.EndsWith("fix.diff changed", ReasonOf(results, "Patch"));
        Assert.Equal("output of Patch changed", ReasonOf(results, "Setup"));
    }

    [Fact]
    public void A_changed_command_reruns_the_target()
    {
        // Arrange
        var command = new[] { "python", "train.py" };
        using var engine = new EngineHarness().Step("Train", d => d.Inputs(i => i.Command(command)), output: "train.log");
        engine.Run(["Train"]);
        command = ["python", "train.py", "SOLVER.MAX_ITER", "500"];

        // Act
        var results = engine.Run(["Train"]);

        // Assert
        Assert.Equal("command changed", ReasonOf(results, "Train"));
    }

    [Fact]
    public void A_deleted_output_reruns_its_target_and_downstream_only_if_the_content_changed()
    {
        // Arrange: Data always makes the same bytes; Train reads them
        using var engine = new EngineHarness();
        var data = engine.PathOf("data.txt");
        engine
            .Add(
                "Data",
                _ =>
                    _.Inputs(i => i.Value("seed", "0"))
                        .Produces(TargetOutput.File(data))
                        .Executes(() => File.WriteAllText(data, "same bytes"))
            )
            .Step("Train", d => d.DependsOn("Data").Inputs(i => i.Value("x", "1")), output: "train.log");
        engine.Run(["Train"]);
        File.Delete(data);

        // Act
        var results = engine.Run(["Train"]);

        // Assert
        Assert.Equal($"output {MaskBench.Foundation.Files.Shown.Path(data)} is missing", ReasonOf(results, "Data"));
        Assert.Equal(TargetStatus.Ran, results.Single(r => r.Target == "Data").Status);
        Assert.Equal(TargetStatus.UpToDate, results.Single(r => r.Target == "Train").Status);
    }

    [Fact]
    public void A_failed_target_writes_no_stamp_and_runs_again_next_time()
    {
        // Arrange
        var fail = true;
        using var engine = new EngineHarness().Step(
            "Train",
            d => d.Inputs(i => i.Value("x", "1")),
            output: "train.log",
            body: () =>
            {
                if (fail)
                    throw new InvalidOperationException("CUDA out of memory");
            }
        );

        // Act
        var first = engine.Run(["Train"]);
        fail = false;
        var second = engine.Run(["Train"]);

        // Assert
        Assert.Equal(TargetStatus.Failed, first.Single().Status);
        Assert.Contains("CUDA out of memory", first.Single().Reason);
        Assert.Equal(TargetStatus.Ran, second.Single().Status);
        Assert.Equal("never ran successfully", second.Single().Reason);
    }

    [Fact]
    public void A_crash_after_the_output_was_written_but_before_the_stamp_leaves_the_target_stale()
    {
        // Arrange: the action writes its output, then dies before the engine can stamp it
        using var engine = new EngineHarness();
        var log = engine.PathOf("train.log");
        engine.Add(
            "Train",
            _ =>
                _.Inputs(i => i.Value("x", "1"))
                    .Produces(TargetOutput.File(log))
                    .Executes(() =>
                    {
                        File.WriteAllText(log, "iter 500");
                        throw new OperationCanceledException("killed");
                    })
        );

        // Act
        engine.Run(["Train"]);
        var plan = engine.Plan("Train");

        // Assert
        Assert.True(File.Exists(log));
        Assert.Null(engine.Stamps.Read("Train").Stamp);
        Assert.Equal(Verdict.Run, plan.Decisions.Single().Verdict);
        Assert.Equal("never ran successfully", plan.Decisions.Single().Because);
    }

    [Fact]
    public void A_target_that_does_not_make_its_declared_output_fails_and_is_not_stamped()
    {
        // Arrange
        using var engine = new EngineHarness();
        engine.Add(
            "Parse",
            _ => _.Inputs(i => i.Value("x", "1")).Produces(TargetOutput.File(engine.PathOf("result.json"))).Executes(() => { })
        );

        // Act
        var results = engine.Run(["Parse"]);

        // Assert
        Assert.Equal(TargetStatus.Failed, results.Single().Status);
        Assert.Contains("did not make", results.Single().Reason);
        Assert.Null(engine.Stamps.Read("Parse").Stamp);
    }

    [Fact]
    public void Force_reruns_an_up_to_date_target()
    {
        // Arrange
        using var engine = new EngineHarness().Step("Clone", d => d.Inputs(i => i.Value("pin", "abc")), output: "clone.txt");
        engine.Run(["Clone"]);

        // Act
        var results = engine.Run(["Clone"], force: true);

        // Assert
        Assert.Equal(["Clone"], engine.Ran);
        Assert.Equal("forced with --force", results.Single().Reason);
    }
}
