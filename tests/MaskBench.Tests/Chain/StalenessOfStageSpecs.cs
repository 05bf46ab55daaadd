using MaskBench.Benchmark;
using MaskBench.Engine;
using MaskBench.Model.Catalog;
using MaskBench.Stages;
using MaskBench.Stages.Train;

namespace MaskBench.Tests.Chain;

/// <summary>What makes a stage stale: the training's inputs hold what changes the training, not the recipe's prose.</summary>
[Trait(Needs.Trait, Needs.Processes)]
public sealed class StalenessOfStageSpecs
{
    static IReadOnlyDictionary<string, string> TrainInputs(StageContext context, Recipe recipe)
    {
        var inputs = new FingerprintBuilder();
        var stage = new TrainStage(context);
        stage.Declare(inputs, new Step(recipe, new RunKey(recipe.Id)));
        return inputs.Build();
    }

    [Fact]
    public void Editing_a_recipe_s_formula_time_meaning_or_notes_does_not_rerun_its_training_but_its_command_does()
    {
        // Arrange
        using var bench = new ChainBench();
        var context = bench.Context();
        var recipe = bench.Fake(context);
        var before = TrainInputs(context, recipe);

        // Act
        var prose = TrainInputs(
            context,
            recipe with
            {
                Log = recipe.Log with { Formula = "another formula", TimeMeaning = "another meaning" },
                Notes = ["a new note"],
            }
        );
        var command = TrainInputs(context, recipe with { Command = [.. recipe.Command, "--extra"] });

        // Assert
        Assert.Equal(before, prose);
        Assert.NotEqual(before["command"], command["command"]);
    }

    static async Task Run(ChainTargets chain, Recipe recipe, string verb)
    {
        var stage = chain.Stage(verb);
        await stage.RunAsync(stage.Steps(recipe)[0], CancellationToken.None);
    }

    /// <summary>The stamp the engine writes after a stage ran: its inputs and its outputs' identities now.</summary>
    static Stamp StampOf(ChainStage stage, Step step)
    {
        var inputs = new FingerprintBuilder();
        stage.Declare(inputs, step);
        return new(stage.Verb, inputs.Build(), stage.Outputs(step).ToDictionary(o => o.Name, o => o.Identity()), DateTimeOffset.UtcNow);
    }

    static IReadOnlyList<string> Reasons(ChainStage stage, Step step, Stamp stamp)
    {
        var now = StampOf(stage, step);
        return [.. Staleness.Reasons(stamp, now.Inputs, now.Outputs).Select(r => r.Text)];
    }

    [Fact(Timeout = 120_000)]
    public async Task A_package_installed_into_Setup_s_environment_makes_Setup_stale_and_running_it_again_lets_Train_run()
    {
        // Arrange
        using var bench = new ChainBench();
        var context = bench.Context();
        var recipe = bench.Fake(context);
        var chain = new ChainTargets(context);
        await Run(chain, recipe, "Clone");
        await Run(chain, recipe, "Patch");
        await Run(chain, recipe, "Setup");
        var setup = chain.Stage("Setup");
        var step = setup.Steps(recipe)[0];
        var stamp = StampOf(setup, step);
        var venv = Path.Combine(context.Workspace.State, "envs", "fake");
        var sitePackages = Directory.GetDirectories(Path.Combine(venv, "lib"), "site-packages", SearchOption.AllDirectories).Single();
        var installed = Directory.CreateDirectory(Path.Combine(sitePackages, "zzinner-1.0.dist-info")).FullName;
        File.WriteAllText(Path.Combine(installed, "METADATA"), "Metadata-Version: 2.1\nName: zzinner\nVersion: 1.0\n");
        var trainBefore = await Record.ExceptionAsync(() => Run(chain, recipe, "Train"));

        // Act
        var stale = Reasons(setup, step, stamp);
        await Run(chain, recipe, "Setup");
        var afterRerun = Reasons(setup, step, StampOf(setup, step));
        await Run(chain, recipe, "Train");

        // Assert
        Assert.Contains("the interpreter's packages changed since Setup", trainBefore?.Message);
        Assert.Contains(stale, r => r.StartsWith("output ", StringComparison.Ordinal) && r.EndsWith(" packages changed since it was made"));
        Assert.Empty(afterRerun);
    }
}
