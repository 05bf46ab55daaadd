using MaskBench.Catalog;
using MaskBench.Engine;
using MaskBench.Reports;

namespace MaskBench.Build;

/// <summary>The MaskBench build: one chain of targets per implementation, then the comparison table.</summary>
partial class Build : NukeBuild
{
    public static int Main(string[] args) => Execute<Build>(args, x => x.Benchmark);

    protected override string Title => "MaskBench: the Detectron2 Mask R-CNN training-speed comparison, as a build";

    RecipeCatalog Catalog = null!;
    IReadOnlyList<Recipe> Selected = [];

    protected override void OnBuildInitialized()
    {
        Catalog = RecipeCatalog.Load(Path.Combine(RootDirectory, "recipes"));
        Selected = Catalog.Select(Implementations);
        CheckParameters();
    }

    Target Benchmark =>
        _ =>
            _.Description("Clone, patch, set up, train and parse the selected implementations (--implementations), then write the table")
                .DependsOn([.. Selected.Select(r => Chain.Name(Stage.Parse, r)), nameof(Aggregate)]);

    Target BenchmarkAll =>
        _ =>
            _.Description("The same for all implementations")
                .DependsOn([.. Catalog.All.Select(r => Chain.Name(Stage.Parse, r)), nameof(Aggregate)]);

    Target Aggregate =>
        _ =>
            _.Description(
                    "Write the comparison (artifacts/benchmark.md, .csv, .json, .svg, .html) from every parsed run, or from logs in --from DIR"
                )
                .After([.. Catalog.All.Select(r => Chain.Name(Stage.Parse, r))])
                .AssuredAfterFailure()
                .Inputs(AggregateInputs)
                .Produces([.. BenchmarkTable.FileNames.Select(name => TargetOutput.File(Path.Combine(ArtifactsDirectory, name)))])
                .Executes(WriteTable);

    protected override IEnumerable<NamedTarget> DynamicTargets() =>
        Enum.GetValues<Stage>()
            .SelectMany(stage => Catalog.All.Select(recipe => new NamedTarget(Chain.Name(stage, recipe), ChainTarget(stage, recipe))));

    protected override string HelpNotes =>
        "Per implementation, a chain Clone-<Id> -> Patch-<Id> -> Setup-<Id> -> Train-<Id> -> Parse-<Id>, with <Id> one of:\n  "
        + string.Join(", ", Catalog.All.Select(r => $"{r.TargetSuffix} ({r.Id})"));
}
