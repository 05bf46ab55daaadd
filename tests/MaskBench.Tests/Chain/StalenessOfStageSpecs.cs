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
}
