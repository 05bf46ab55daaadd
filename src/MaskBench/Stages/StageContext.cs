using MaskBench.Model.Catalog;

namespace MaskBench.Stages;

/// <summary>What every stage works with: the paths, the settings, the recipes, where trainings run, and where the
/// build's own log is (the details of a failure before Train).</summary>
/// <param name="CheckBeforeSetup">Whether Setup checks its recipe's references first (not with <c>--skip Check</c>).</param>
internal sealed record StageContext(
    Workspace Workspace,
    BenchmarkSettings Settings,
    RecipeCatalog Catalog,
    IExecutor Executor,
    string BuildLog,
    Func<bool>? CheckBeforeSetup = null
)
{
    /// <summary>The runs of an implementation this benchmark makes.</summary>
    public IReadOnlyList<RunKey> Runs(Recipe recipe) => [.. Enumerable.Range(1, Settings.Repeats).Select(n => new RunKey(recipe.Id, n))];
}
