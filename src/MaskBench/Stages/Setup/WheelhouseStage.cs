using MaskBench.Model.Catalog;
using MaskBench.Tools.Environments;
using Serilog;

namespace MaskBench.Stages.Setup;

/// <summary><c>Wheelhouse</c> and <c>Wheelhouse-&lt;Id&gt;</c>: fill the wheelhouse (<c>--wheelhouse</c>) with the wheels
/// a stack's environment installs with no index, built in its base: from a package index, or with <c>--git-mirror</c>
/// from the public repositories at their pinned commits. Setup refuses a wheelhouse that lacks one and names this.</summary>
internal sealed class WheelhouseStage(StageContext context)
{
    public const string Description =
        "Fill the wheelhouse (--wheelhouse) with the wheels the selected stack installs with no index (--git-mirror: from DIR/<owner>/<repo>)";

    public static string DescriptionOf(Recipe recipe) => $"Fill the wheelhouse with {recipe.Name}'s wheels on the selected stack";

    public async Task RunAsync(IReadOnlyList<Recipe> recipes, CancellationToken cancellation)
    {
        var settings = context.Settings;
        foreach (var recipe in recipes)
        {
            if (settings.Stack(recipe) is { Available: false } missing)
            {
                Log.Information("{Id}: no {Stack} stack ({Reason}): no wheels", recipe.Id, missing.Name, missing.Unavailable);
                continue;
            }
            var applied = settings.Applied(recipe);
            if (applied.Environment.Wheels is null)
            {
                Log.Information("{Id}: its {Stack} stack installs no wheels from a wheelhouse", recipe.Id, settings.StackName);
                continue;
            }
            await WheelhouseFill.RunAsync(
                applied,
                settings.EnvironmentOptions(context.Workspace),
                settings.GitMirror,
                settings.GitTransport,
                cancellation
            );
        }
    }
}
