using MaskBench.Model.Catalog;
using Serilog;

namespace MaskBench.Stages.Setup.Check;

/// <summary>Resolves every external reference of recipes (git pins, base images, pinned pip requirements, URLs) without
/// building anything, and says what is missing before an hour goes into a build. Setup runs it for its recipe first
/// on a container provider; a host that can reach none of the references is taken as offline and goes on.</summary>
internal sealed class CheckStage(StageContext context)
{
    public const string Name = "Check";

    public static string Description => "Resolve every external reference of the selected recipes, without building anything";

    public static string DescriptionOf(Recipe recipe) => $"Resolve every external reference of {recipe.Name}, without building anything";

    /// <summary>The explicit Check: anything missing, changed or unreachable fails it.</summary>
    public async Task RunAsync(IReadOnlyList<Recipe> recipes, CancellationToken cancellation)
    {
        var report = await CheckAsync(recipes, cancellation);
        if (report.Failed)
            throw new ChainException(
                $"Check found {report.Results.Count(r => r.Status.Fails())} reference(s) missing or unreachable (the table above says which, with the fix)"
            );
    }

    /// <summary>Before Setup: missing references fail it; with none reachable, the host is offline and Setup goes on.</summary>
    public async Task BeforeSetupAsync(Recipe recipe, CancellationToken cancellation)
    {
        var report = await CheckAsync([recipe], cancellation);
        var reachable = report.Results.Count(r => r.Status is not (CheckStatus.Unreachable or CheckStatus.NotChecked));
        if (report.Results.Any(r => r.Status == CheckStatus.Missing))
            throw new ChainException(
                $"Check: {report.Results.First(r => r.Status == CheckStatus.Missing).Fix} (the table above lists every reference; --skip Check builds anyway)"
            );
        if (reachable == 0 && report.Results.Any(r => r.Status == CheckStatus.Unreachable))
            Log.Warning("Check reached none of {Recipe}'s references: this host looks offline, so Setup goes on without it", recipe.Id);
    }

    async Task<CheckReport> CheckAsync(IReadOnlyList<Recipe> recipes, CancellationToken cancellation)
    {
        var options = new CheckOptions(context.Workspace.Root) { Stack = context.Settings.StackName };
        var report = await RecipeCheck.RunAsync(recipes, options, cancellation);
        Log.Information(
            "Check of {Recipes} ({Seconds:0.0} s, {Bytes} bytes received):\n{Table}",
            string.Join(", ", recipes.Select(r => r.Id)),
            report.Elapsed.TotalSeconds,
            report.Bytes,
            report.ToTable()
        );
        return report;
    }
}
