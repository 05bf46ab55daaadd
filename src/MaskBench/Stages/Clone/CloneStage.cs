using MaskBench.Engine;
using MaskBench.History;
using MaskBench.Tools.Git;

namespace MaskBench.Stages.Clone;

/// <summary>Fetches the pinned commit (the recipe's, or <c>--pin</c>'s) and checks it out detached in the work folder.</summary>
internal sealed class CloneStage(StageContext context) : ChainStage(context)
{
    public override string Verb => "Clone";

    public override string Description(Step step) => $"Fetch {step.Recipe.Name} at {Settings.Source(step.Recipe).Pin} and check it out";

    public override void Declare(FingerprintBuilder inputs, Step step) =>
        inputs.Value("repository", Settings.Repository(step.Recipe)).Value("pin", Settings.Source(step.Recipe).Pin);

    public override IReadOnlyList<TargetOutput> Outputs(Step step) =>
        [new TargetOutput($"{step.Recipe.Id}/source at the pin", () => GitSource.ReadClonedCommit(Workspace.Source(step.Recipe.Id)))];

    protected override async Task Body(Step step, CancellationToken cancellation)
    {
        var recipe = step.Recipe;
        var source = Settings.Source(recipe);
        try
        {
            GitSource.Clone(
                source,
                Workspace.Source(recipe.Id),
                Settings.GitMirror,
                Workspace.Root,
                cancellation,
                transport: Settings.GitTransport
            );
        }
        catch (GitException) when (source != recipe.Source && Directory.Exists(Workspace.Source(recipe.Id)))
        {
            // The pin came from --pin: say what is wrong with the commit in the clone's own words, naming the option.
            try
            {
                await CommitPin.Resolve(Workspace.Source(recipe.Id), source.Pin, cancellation);
            }
            catch (GitException e)
            {
                throw new ChainException($"--pin: {e.Message}");
            }
            throw;
        }
    }
}
