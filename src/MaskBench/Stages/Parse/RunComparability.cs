using MaskBench.Model.Catalog;
using MaskBench.Model.Logs;
using MaskBench.Model.Records;
using MaskBench.Tools.Environments;

namespace MaskBench.Stages.Parse;

/// <summary>The comparability key of a run this build parsed: its window, images per iteration, stack, the
/// environment around the implementation's code (Setup's record), GPU count and recipe settings.</summary>
static class RunComparability
{
    public static Comparability Of(Workspace workspace, BenchmarkSettings settings, Recipe recipe, ThroughputResult result) =>
        Setup(settings, recipe) with
        {
            Window = result.Requested.ToString(),
            ImagesPerIteration = result.ImagesPerIteration,
            Environment = Environment(workspace, recipe),
        };

    /// <summary>The key this build's settings give a run of <paramref name="recipe"/> before Setup: its environment
    /// <c>none</c> (<see cref="Comparability.SameSetup"/> ignores it).</summary>
    public static Comparability Setup(BenchmarkSettings settings, Recipe recipe) =>
        new(
            IterationRange.Of(settings.Window).ToString(),
            settings.ImagesPerIteration(recipe),
            settings.StackName,
            Comparability.NoEnvironment,
            settings.Gpus,
            Comparability.SettingsText(settings.Settings(recipe))
        );

    /// <summary>The implementation's own distribution is named as its recipe or its repository is
    /// (<c>detectron2</c>, <c>maskrcnn-benchmark</c>): its version moves with the commit measured.</summary>
    static string Environment(Workspace workspace, Recipe recipe)
    {
        var file = workspace.EnvironmentRecord(recipe.Id);
        if (!File.Exists(file))
            return Comparability.NoEnvironment;
        var repository = Path.GetFileName(recipe.Source.Repository.TrimEnd('/'));
        repository = repository.EndsWith(".git", StringComparison.Ordinal) ? repository[..^4] : repository;
        return EnvironmentIdentityFile.Read(file).Surrounding(recipe.Id, repository);
    }
}
