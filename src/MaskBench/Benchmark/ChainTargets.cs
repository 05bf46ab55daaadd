using MaskBench.Engine;
using MaskBench.Model.Catalog;
using MaskBench.Stages;
using MaskBench.Stages.Clone;
using MaskBench.Stages.Parse;
using MaskBench.Stages.Patch;
using MaskBench.Stages.Setup;
using MaskBench.Stages.Train;

namespace MaskBench.Benchmark;

/// <summary>The stages of every implementation's chain, in order, declared as the engine's targets:
/// <c>Clone-&lt;Id&gt; -> Patch-&lt;Id&gt; -> Setup-&lt;Id&gt; -> Train-&lt;Id&gt; -> Parse-&lt;Id&gt;</c>, with Train and Parse
/// once per run (<c>Train-&lt;Id&gt;-2</c> …).</summary>
internal sealed class ChainTargets(StageContext context)
{
    public IReadOnlyList<ChainStage> Stages { get; } =
    [new CloneStage(context), new PatchStage(context), new SetupStage(context), new TrainStage(context), new ParseStage(context)];

    public ChainStage Stage(string verb) => Stages.Single(s => s.Verb == verb);

    /// <summary>Every step of every recipe, each a target; <paramref name="cancellation"/> is read when it runs. The
    /// trainings are declared in <see cref="TrainingOrder"/>: the engine starts ready targets in declaration order, so on
    /// one GPU host (one training at a time) the runs of all implementations interleave in that order.</summary>
    public IEnumerable<NamedTarget> Targets(Func<CancellationToken> cancellation) =>
        from stage in Stages
        from step in stage.Verb == "Train" ? TrainingOrder : context.Catalog.All.SelectMany(stage.Steps)
        select new NamedTarget(stage.Name(step), Declare(stage, step, cancellation));

    /// <summary>The trainings of all implementations and runs, in one order shuffled by the seed, so that drift of the
    /// machine over the benchmark spreads over every implementation instead of landing on the last one.</summary>
    public IReadOnlyList<Step> TrainingOrder
    {
        get
        {
            var steps = context.Catalog.All.SelectMany(Stage("Train").Steps).ToArray();
            new Random(context.Settings.Seed).Shuffle(steps);
            return steps;
        }
    }

    /// <summary>The last targets of each recipe's chain, one per run (what <c>Benchmark</c> depends on).</summary>
    public IReadOnlyList<string> Ends(IEnumerable<Recipe> recipes)
    {
        var parse = Stage("Parse");
        return [.. recipes.SelectMany(recipe => parse.Steps(recipe).Select(parse.Name))];
    }

    /// <summary>The recipes with a step of any stage of their chain among <paramref name="targets"/>.</summary>
    public IReadOnlyList<Recipe> Chains(IReadOnlyCollection<string> targets) =>
        [.. Stages.SelectMany(s => Running(s.Verb, targets)).Distinct()];

    /// <summary>The recipes with a step of stage <paramref name="verb"/> among <paramref name="targets"/>.</summary>
    public IReadOnlyList<Recipe> Running(string verb, IReadOnlyCollection<string> targets)
    {
        var stage = Stage(verb);
        return [.. context.Catalog.All.Where(recipe => stage.Steps(recipe).Any(step => targets.Contains(stage.Name(step))))];
    }

    Target Declare(ChainStage stage, Step step, Func<CancellationToken> cancellation) =>
        _ =>
        {
            var target = stage.Resources.Aggregate(
                _.Description(stage.Description(step))
                    .Unlisted()
                    .OnlyWhenStatic(() => context.Settings.Unavailable(step.Recipe))
                    .DependsOn([.. stage.DependsOn(step)])
                    .Inputs(inputs => stage.Declare(inputs, step))
                    .Produces([.. stage.Outputs(step)])
                    .Executes(() => stage.RunAsync(step, cancellation())),
                (target, resource) => target.Uses(resource.Name, resource.Capacity)
            );
            return stage.Elsewhere is var (pool, capacity) ? target.RunsElsewhere(pool, capacity) : target;
        };

    /// <summary>What <c>--help</c> says of the per-implementation targets.</summary>
    public static string HelpNotes(RecipeCatalog catalog) =>
        "Per implementation, a chain Clone-<Id> -> Patch-<Id> -> Setup-<Id> -> Train-<Id> -> Parse-<Id>, with <Id> one of:\n  "
        + string.Join(", ", catalog.All.Select(r => $"{r.TargetSuffix} ({r.Id})"))
        + "\nBisect-<Id> --good A --bad B finds the commit that made training slower; Track-<Id> measures new commits; see README.";
}
