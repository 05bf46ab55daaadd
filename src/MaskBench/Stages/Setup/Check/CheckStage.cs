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
        if (report.NothingReached)
            throw new ChainException(
                $"Check reached none of the {report.Results.Count} references of {string.Join(", ", recipes.Select(r => r.Id))}: this host looks offline; run Check where they can be reached (the table: --verbosity verbose)"
            );
        if (report.Failed)
            throw new ChainException(
                $"Check found {report.Results.Count(r => r.Status.Fails())} reference(s) missing or unreachable (the table above says which, with the fix)"
            );
    }

    /// <summary>Before Setup: missing references fail it; with none reachable, the host is offline and Setup goes on.</summary>
    public async Task BeforeSetupAsync(Recipe recipe, CancellationToken cancellation)
    {
        var report = await CheckAsync([recipe], cancellation);
        if (report.Results.Any(r => r.Status == CheckStatus.Missing))
            throw new ChainException(
                $"Check: {report.Results.First(r => r.Status == CheckStatus.Missing).Fix} (the table above lists every reference; --skip Check builds anyway)"
            );
        if (report.NothingReached)
            Log.Warning("Check reached none of {Recipe}'s references: this host looks offline, so Setup goes on without it", recipe.Id);
    }

    async Task<CheckReport> CheckAsync(IReadOnlyList<Recipe> recipes, CancellationToken cancellation)
    {
        var options = new CheckOptions(context.Workspace.Root) { Stack = context.Settings.StackName };
        var report = await RecipeCheck.RunAsync(recipes, options, cancellation);
        // A host that reached nothing says so in one line; its table (every row unreachable) is for --verbosity verbose.
        Log.Write(
            report.NothingReached ? Serilog.Events.LogEventLevel.Debug : Serilog.Events.LogEventLevel.Information,
            "Check of {Recipes} ({Seconds:0.0} s, {Bytes} bytes received):\n{Table}",
            string.Join(", ", recipes.Select(r => r.Id)),
            report.Elapsed.TotalSeconds,
            report.Bytes,
            report.ToTable()
        );
        return report;
    }
}
