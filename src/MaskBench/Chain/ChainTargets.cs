using MaskBench.Catalog;
using MaskBench.Engine;

namespace MaskBench.Chain;

/// <summary>The stages of every implementation's chain, in order, declared as the engine's targets:
/// <c>Clone-&lt;Id&gt; -> Patch-&lt;Id&gt; -> Setup-&lt;Id&gt; -> Train-&lt;Id&gt; -> Parse-&lt;Id&gt;</c>.</summary>
public sealed class ChainTargets(StageContext context)
{
    public IReadOnlyList<ChainStage> Stages { get; } =
    [new CloneStage(context), new PatchStage(context), new SetupStage(context), new TrainStage(context), new ParseStage(context)];

    public ChainStage Stage(string verb) => Stages.Single(s => s.Verb == verb);

    /// <summary>Every stage of every recipe, each a target; <paramref name="cancellation"/> is read when it runs.</summary>
    public IEnumerable<NamedTarget> Targets(Func<CancellationToken> cancellation) =>
        from stage in Stages
        from recipe in context.Catalog.All
        select new NamedTarget(stage.Name(recipe), Declare(stage, recipe, cancellation));

    /// <summary>The last target of each recipe's chain (what <c>Benchmark</c> depends on).</summary>
    public IReadOnlyList<string> Ends(IEnumerable<Recipe> recipes) => [.. recipes.Select(Stage("Parse").Name)];

    /// <summary>The recipes whose stage <paramref name="verb"/> is among <paramref name="targets"/>.</summary>
    public IReadOnlyList<Recipe> Running(string verb, IReadOnlyCollection<string> targets) =>
        [.. context.Catalog.All.Where(recipe => targets.Contains(Stage(verb).Name(recipe)))];

    static Target Declare(ChainStage stage, Recipe recipe, Func<CancellationToken> cancellation) =>
        _ =>
            _.Description(stage.Description(recipe))
                .Unlisted()
                .DependsOn([.. stage.DependsOn(recipe)])
                .Inputs(inputs => stage.Declare(inputs, recipe))
                .Produces([.. stage.Outputs(recipe)])
                .Executes(() => stage.RunAsync(recipe, cancellation()));
}
