using MaskBench.Catalog;

namespace MaskBench.Build;

enum Stage
{
    Clone,
    Patch,
    Setup,
    Train,
    Parse,
}

static class Chain
{
    public static string Name(Stage stage, Recipe recipe) => $"{stage}-{recipe.TargetSuffix}";

    public static string Description(Stage stage, Recipe recipe) =>
        stage switch
        {
            Stage.Clone => $"Fetch {recipe.Name} at {recipe.Source.Pin} and check it out",
            Stage.Patch => $"Apply {recipe.Name}'s patches from a clean checkout, with proof",
            Stage.Setup => $"Build {recipe.Name}'s environment and compile its extensions",
            Stage.Train => $"Train {recipe.Name} until the window is complete, logging every line",
            _ => $"Read img/s over the window from {recipe.Name}'s log",
        };
}
