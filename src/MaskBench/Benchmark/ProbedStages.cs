using MaskBench.Model.Catalog;

namespace MaskBench.Benchmark;

/// <summary>The Setup and Train of each implementation a Bisect or Track will probe, for preflight to check before the
/// first probe; a Bisect without its commits is refused before that.</summary>
internal static class ProbedStages
{
    public static List<string> Of(IEnumerable<Recipe> recipes, IReadOnlyList<string> targetsToRun, string? good, string? bad)
    {
        var stages = new List<string>();
        foreach (var recipe in recipes)
        {
            var bisect = targetsToRun.Contains($"Bisect-{recipe.TargetSuffix}");
            if (bisect)
                BisectStage.EnsureCommits(recipe, good, bad);
            if (bisect || targetsToRun.Contains($"Track-{recipe.TargetSuffix}"))
                stages.AddRange([$"Setup-{recipe.TargetSuffix}", $"Train-{recipe.TargetSuffix}"]);
        }
        return stages;
    }
}
