using MaskBench.Engine;
using MaskBench.Foundation.Files;
using MaskBench.Model.Records;

namespace MaskBench.Stages.Patch;

/// <summary>Applies the recipe's patches to a clean checkout, with proof (blob hashes, the tree hash).</summary>
internal sealed class PatchStage(StageContext context) : ChainStage(context)
{
    public override string Verb => "Patch";

    public override string Description(Step step) => $"Apply {step.Recipe.Name}'s patches from a clean checkout, with proof";

    public override IReadOnlyList<string> DependsOn(Step step) => [step.Name("Clone")];

    public override void Declare(FingerprintBuilder inputs, Step step)
    {
        var recipe = Settings.Applied(step.Recipe);
        inputs.Value("patches", JsonFiles.Fingerprint(recipe.Patches)).Value("patched tree", recipe.PatchedTree ?? "(none)");
        foreach (var file in Patcher.InputFiles(recipe.Patches, Workspace.Patches(recipe.Id)))
            inputs.File(file);
    }

    public override IReadOnlyList<TargetOutput> Outputs(Step step) => [TargetOutput.File(Workspace.PatchRecord(step.Recipe.Id))];

    /// <summary>Patching resets the tree (compiled extensions included), so the old record goes first: an interrupted
    /// Patch leaves no output and reruns, and every Patch that runs makes Setup run again.</summary>
    protected override async Task Body(Step step, CancellationToken cancellation)
    {
        var recipe = Settings.Applied(step.Recipe);
        File.Delete(Workspace.PatchRecord(recipe.Id));
        var report = await Patcher.PatchAsync(
            Workspace.Source(recipe.Id),
            Workspace.Patches(recipe.Id),
            recipe.Patches,
            recipe.PatchedTree,
            cancellation
        );
        new PatchRecord(report, DateTimeOffset.UtcNow).Write(Workspace.PatchRecord(recipe.Id));
    }
}
