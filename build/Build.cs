using MaskBench.Benchmark;
using MaskBench.Engine;
using MaskBench.Model.Catalog;
using MaskBench.Stages;
using MaskBench.Stages.Data;
using MaskBench.Stages.Setup;
using MaskBench.Stages.Setup.Check;

namespace MaskBench.Build;

/// <summary>The MaskBench build: one chain of targets per implementation, then the comparison table. It declares;
/// src/MaskBench does (Benchmark/ is its composition root).</summary>
partial class Build : NukeBuild
{
    public static int Main(string[] args) => CarriedCheckout.Run(args, a => Execute<Build>(a, x => x.Benchmark));

    protected override string Title =>
        $"MaskBench {Version} ({(CarriedCheckout.Commit is null ? "./build.sh" : "single-file binary")}): the Detectron2 Mask R-CNN training-speed comparison, as a build";

    string Version => MaskBenchVersion.Of(RootDirectory);

    RecipeCatalog Catalog = null!;
    IReadOnlyList<Recipe> Selected = [];
    StageContext Context = null!;
    ChainTargets Chain = null!;
    IDisposable? ArtifactsLock;

    protected override void OnBuildInitialized()
    {
        Catalog = RecipeCatalog.Load(Path.Combine(RootDirectory, "recipes"));
        Selected = Catalog.Select(ImplementationIds);
        var settings = Run.Settings(InvocationDirectory, ImplementationIds);
        SettingsCheck.Ensure(settings, Catalog.All, Selected, SourceOf);
        // The single-file binary runs in the checkout it carries, and keeps its work and results where it was run from.
        var outputs = CarriedCheckout.Holds(RootDirectory) ? InvocationDirectory : RootDirectory;
        var workspace = Workspace.Under(
            RootDirectory,
            Resolve(WorkDir) ?? Path.Combine(outputs, ".work"),
            Resolve(ArtifactsDir) ?? Path.Combine(outputs, "artifacts"),
            Resolve(Weights)
        );
        if (Resolve(History.History) is { } history)
            workspace = workspace with { HistoryFolder = history };
        Context = new StageContext(workspace, settings, Catalog, MakeExecutor(workspace.Work), LogFile, () => !IsSkipped(nameof(Check)));
        Chain = new ChainTargets(Context);
    }

    Target Benchmark =>
        _ =>
            _.Description("Clone, patch, set up, train and parse the selected implementations (--implementations), then write the table")
                .DependsOn([.. Chain.Ends(Selected), nameof(Aggregate)]);

    Target BenchmarkAll =>
        _ => _.Description("The same for all implementations").DependsOn([.. Chain.Ends(Catalog.All), nameof(Aggregate)]);

    Target Check =>
        _ =>
            _.Description(CheckStage.Description + " (--implementations); Setup runs it for its recipe unless --skip Check")
                .Executes(() => new CheckStage(Context).RunAsync(Selected, Cancellation));

    Target Wheelhouse =>
        _ => _.Description(WheelhouseStage.Description).Executes(() => new WheelhouseStage(Context).RunAsync(Selected, Cancellation));

    Target Compare =>
        _ =>
            _.Description(CompareStage.Description)
                .Executes(() =>
                    new CompareStage(Context).Run(Selected, Resolve(History.Baseline) ?? Context.Workspace.History, History.BaselineRuns)
                );

    Target Data =>
        _ =>
            _.Description(DataStage.Description)
                .Inputs(new DataStage(Context).Declare)
                .Produces(new DataStage(Context).Output)
                .Executes(token => new DataStage(Context).RunAsync(token));

    Target Aggregate =>
        _ =>
            _.Description(AggregateStage.Description)
                .After([.. Chain.Ends(Catalog.All)])
                .AssuredAfterFailure()
                .Inputs(new AggregateStage(Context).Declare)
                .Produces([.. new AggregateStage(Context).Outputs])
                .Executes(token => new AggregateStage(Context).Run(Chain.Chains(Scheduled), token));

    protected override string StampDirectory => Context.Workspace.Stamps;

    protected override IEnumerable<NamedTarget> DynamicTargets() =>
        Chain
            .Targets(() => Cancellation)
            .Concat(PerRecipe(nameof(Check), CheckStage.DescriptionOf, recipe => new CheckStage(Context).RunAsync([recipe], Cancellation)))
            .Concat(
                PerRecipe(
                    nameof(Wheelhouse),
                    WheelhouseStage.DescriptionOf,
                    recipe => new WheelhouseStage(Context).RunAsync([recipe], Cancellation)
                )
            )
            .Concat(HistoryTargets());

    /// <summary><c>&lt;Verb&gt;-&lt;Id&gt;</c> for every recipe: an unlisted target running <paramref name="run"/> on that recipe alone.</summary>
    IEnumerable<NamedTarget> PerRecipe(string verb, Func<Recipe, string> description, Func<Recipe, Task> run) =>
        Catalog.All.Select(recipe => new NamedTarget(
            $"{verb}-{recipe.TargetSuffix}",
            _ => _.Description(description(recipe)).Unlisted().Executes(() => run(recipe))
        ));

    /// <summary>Runs and the table are written by one build at a time; then preflight, before anything long starts.</summary>
    protected override async Task BeforeRunning(IReadOnlyList<string> targetsToRun)
    {
        if (
            targetsToRun.Any(t =>
                t is not (nameof(Test) or nameof(TestSetup) or nameof(Format) or nameof(Supervise) or nameof(Check))
                && !t.StartsWith("Check-", StringComparison.Ordinal)
            )
        )
            ArtifactsLock ??= WorkLock.Acquire(Context.Workspace.ArtifactsLock, "give this run its own --artifacts-dir");
        Logging.Essential.Information("{Title}", Title.Split(':')[0]);
        await ChainPreflight.EnsureAsync(Context, Chain, targetsToRun, History.Good, History.Bad, Cancellation);
    }

    protected override Task<IReadOnlyList<string>> PlanProblems(IReadOnlyList<string> targetsToRun) =>
        ChainPreflight.ProblemsAsync(Context, Chain, targetsToRun, History.Good, History.Bad, Cancellation);

    protected override string HelpNotes => ChainTargets.HelpNotes(Catalog);
}
