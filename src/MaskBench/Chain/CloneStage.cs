using MaskBench.Catalog;
using MaskBench.Engine;
using MaskBench.Git;

namespace MaskBench.Chain;

/// <summary>Fetches the pinned commit and checks it out detached in the work folder.</summary>
public sealed class CloneStage(StageContext context) : ChainStage(context)
{
    public override string Verb => "Clone";

    public override string Description(Step step) => $"Fetch {step.Recipe.Name} at {step.Recipe.Source.Pin} and check it out";

    public override void Declare(FingerprintBuilder inputs, Step step) =>
        inputs.Value("repository", Settings.Repository(step.Recipe)).Value("pin", step.Recipe.Source.Pin);

    public override IReadOnlyList<TargetOutput> Outputs(Step step) =>
        [new TargetOutput($"{step.Recipe.Id}/source at the pin", () => GitSource.ReadClonedCommit(Workspace.Source(step.Recipe.Id)))];

    protected override Task Body(Step step, CancellationToken cancellation)
    {
        var recipe = step.Recipe;
        GitSource.Clone(recipe.Source, Workspace.Source(recipe.Id), Settings.GitMirror, Workspace.Root, cancellation);
        return Task.CompletedTask;
    }
}
