using MaskBench.Model.Catalog;
using MaskBench.Model.Logs;
using MaskBench.Stages.Train;

namespace MaskBench.Tests.Running;

/// <summary>The recipes without an iteration cap, trained by the fake trainer in their own log format and
/// stopped by the real runner with the real watcher of that format.</summary>
[Trait(Needs.Trait, Needs.Processes)]
[Collection(Heavy.Processes)]
public class WatchedRecipeSpecs
{
    [Theory(Timeout = 120_000)]
    [InlineData("mmdetection")]
    [InlineData("simpledet")]
    [InlineData("matterport")]
    public async Task A_recipe_without_an_iteration_cap_is_stopped_right_after_the_page_window(string id)
    {
        // Arrange
        var recipe = RecipeLoader.Load(Paths.Repository("recipes", id + ".json"));
        using var fake = new FakeTraining();
        var images = recipe.Images.PerIteration(8);
        var request = fake.Request(
            ["--format", recipe.Log.Format, "--iterations", "100000", "--time", "0.002", "--sleep-scale", "1", "--output", fake.Output],
            mode: recipe.Stop.Mode,
            window: Window.Page,
            watcher: LogFormats.Get(recipe.Log.Format).Watch(Window.Page, images)
        ) with
        {
            WatchedStream = recipe.Log.Stream,
            Failures = recipe.Failures,
            ImagesPerIteration = images,
        };

        // Act
        var outcome = await Trainer.TrainAsync(request);

        // Assert
        Assert.Equal("watch", recipe.Stop.Mode);
        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.Equal("window", outcome.StopReason);
        // The fake sleeps 2 ms an iteration: within the allowed stop delay (2 s, plus slack) it cannot pass 500 + 2.5 s / 2 ms.
        Assert.InRange(outcome.LastIteration ?? 0, 500, 500 + (int)(2.5 / 0.002));
        Assert.InRange(outcome.StopDelay!.Value.TotalSeconds, 0, 2);
    }
}
