using MaskBench.Catalog;
using MaskBench.Engine;
using MaskBench.Environments;
using Newtonsoft.Json;
using Serilog;

namespace MaskBench.Chain;

/// <summary>Builds the implementation's environment (an image, or a virtual environment) and compiles its extensions;
/// records the environment's identity for Train.</summary>
public sealed class SetupStage(StageContext context) : ChainStage(context)
{
    public override string Verb => "Setup";

    public override string Description(Recipe recipe) => $"Build {recipe.Name}'s environment and compile its extensions";

    public override IReadOnlyList<string> DependsOn(Recipe recipe) => [$"Patch-{recipe.TargetSuffix}"];

    public override void Declare(FingerprintBuilder inputs, Recipe recipe)
    {
        inputs
            .Parameter("Provider", Settings.ProviderName)
            .Parameter("Stack", Settings.StackOverrides.Select(s => $"{s.Key}={s.Value}").Order(StringComparer.Ordinal))
            .Value("recipe stack", JsonConvert.SerializeObject(recipe.Environment.Stack))
            .Command(recipe.Environment.Build);
        if (Settings.Provider == Provider.Venv)
            inputs.Parameter("Python", Settings.Python);
        if (recipe.Environment.Recipe is { } file)
            inputs.File(Path.Combine(Workspace.Root, file));
    }

    public override IReadOnlyList<TargetOutput> Outputs(Recipe recipe) => [TargetOutput.File(Workspace.EnvironmentRecord(recipe.Id))];

    protected override async Task Body(Recipe recipe, CancellationToken cancellation)
    {
        var prepared = await EnvironmentSetup.SetupAsync(
            recipe,
            Workspace.Source(recipe.Id),
            Settings.EnvironmentOptions(Workspace),
            cancellation
        );
        EnvironmentIdentityFile.Write(prepared.Identity, Workspace.EnvironmentRecord(recipe.Id));
        Log.Information(
            "{Provider} environment {Reference}: {Python}, {Packages} packages",
            prepared.Identity.Provider,
            prepared.Identity.Reference,
            prepared.Identity.Python,
            prepared.Identity.Packages.Count
        );
    }
}
