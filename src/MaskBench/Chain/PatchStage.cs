using MaskBench.Catalog;
using MaskBench.Engine;
using MaskBench.Patching;
using Newtonsoft.Json;

namespace MaskBench.Chain;

/// <summary>Applies the recipe's patches to a clean checkout, with proof (blob hashes, the tree hash).</summary>
public sealed class PatchStage(StageContext context) : ChainStage(context)
{
    public override string Verb => "Patch";

    public override string Description(Recipe recipe) => $"Apply {recipe.Name}'s patches from a clean checkout, with proof";

    public override IReadOnlyList<string> DependsOn(Recipe recipe) => [$"Clone-{recipe.TargetSuffix}"];

    public override void Declare(FingerprintBuilder inputs, Recipe recipe) =>
        inputs.Value("patches", JsonConvert.SerializeObject(recipe.Patches)).Files(Workspace.Patches(recipe.Id));

    public override IReadOnlyList<TargetOutput> Outputs(Recipe recipe) => [TargetOutput.File(Workspace.PatchRecord(recipe.Id))];

    /// <summary>Patching resets the tree (compiled extensions included), so the old record goes first: an interrupted
    /// Patch leaves no output and reruns, and every Patch that runs makes Setup run again.</summary>
    protected override Task Body(Recipe recipe, CancellationToken cancellation)
    {
        File.Delete(Workspace.PatchRecord(recipe.Id));
        var report = Patcher.Patch(Workspace.Source(recipe.Id), Workspace.Patches(recipe.Id), recipe.Patches);
        new PatchRecord(report, DateTimeOffset.UtcNow).Write(Workspace.PatchRecord(recipe.Id));
        return Task.CompletedTask;
    }
}
