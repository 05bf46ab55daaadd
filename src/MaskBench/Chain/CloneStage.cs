using MaskBench.Catalog;
using MaskBench.Engine;
using MaskBench.Git;

namespace MaskBench.Chain;

/// <summary>Fetches the pinned commit and checks it out detached in the work folder.</summary>
public sealed class CloneStage(StageContext context) : ChainStage(context)
{
    public override string Verb => "Clone";

    public override string Description(Recipe recipe) => $"Fetch {recipe.Name} at {recipe.Source.Pin} and check it out";

    public override void Declare(FingerprintBuilder inputs, Recipe recipe) =>
        inputs.Value("repository", Settings.Repository(recipe)).Value("pin", recipe.Source.Pin);

    public override IReadOnlyList<TargetOutput> Outputs(Recipe recipe) =>
        [new TargetOutput($"{recipe.Id}/source at the pin", () => GitSource.ReadClonedCommit(Workspace.Source(recipe.Id)))];

    protected override Task Body(Recipe recipe, CancellationToken cancellation)
    {
        GitSource.Clone(recipe.Source, Workspace.Source(recipe.Id), Settings.GitMirror, Workspace.Root, cancellation);
        return Task.CompletedTask;
    }
}
