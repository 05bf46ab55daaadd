using MaskBench.Catalog;
using MaskBench.Engine;
using MaskBench.Files;
using MaskBench.Git;
using MaskBench.Parsing;
using MaskBench.Patching;
using MaskBench.Reports;
using MaskBench.Results;
using Newtonsoft.Json;
using Serilog;

namespace MaskBench.Build;

/// <summary>The steps of a chain. Each reads the previous step's output and writes its own.</summary>
partial class Build
{
    void CloneSource(Recipe recipe) =>
        GitSource.Clone(recipe.Source, Source(recipe), GitMirror is null ? null : Resolve(GitMirror), RootDirectory, Cancellation);

    /// <summary>Patching resets the tree (compiled extensions included), so the old report goes first: an interrupted
    /// Patch leaves no output and reruns, and every Patch that runs makes Setup run again.</summary>
    void PatchSource(Recipe recipe)
    {
        File.Delete(PatchReport(recipe));
        var report = Patcher.Patch(Source(recipe), Path.Combine(RootDirectory, "patches", recipe.Id), recipe.Patches);
        AtomicFile.WriteAllText(
            PatchReport(recipe),
            JsonConvert.SerializeObject(new { report, Made = DateTimeOffset.UtcNow }, Formatting.Indented)
        );
    }

    void ParseLog(Recipe recipe)
    {
        var result = RunParser.ParseAndWrite(recipe, RunFolder(recipe), ImagesPerIteration(recipe), Window);
        if (result.Status != ThroughputResult.Ok)
            throw new BuildException($"{recipe.Id}: {result.Reason} (details in {Shown.Path(RunFile(recipe, "result.json"))})");
    }

    /// <summary>A chain that fails says so in its run folder, so the table shows the failure instead of an older result.</summary>
    protected override void OnTargetFailed(string target, Exception exception)
    {
        if (RecipeOf(target, Enum.GetValues<Stage>()) is { } recipe)
            ResultFiles.WriteFailure(RunFolder(recipe), new TargetFailure(target, exception.Message));
    }

    /// <summary>A chain whose Parse is done (now or before, and still up to date) has a current result: an older failure no longer applies.</summary>
    protected override void OnTargetSucceeded(string target)
    {
        if (RecipeOf(target, [Stage.Parse]) is { } recipe)
            File.Delete(RunFile(recipe, ResultFiles.FailureName));
    }

    Recipe? RecipeOf(string target, IEnumerable<Stage> stages) =>
        Catalog.All.FirstOrDefault(recipe => stages.Any(stage => Chain.Name(stage, recipe) == target));

    void AggregateInputs(FingerprintBuilder inputs)
    {
        inputs
            .Value("reporting code", typeof(BenchmarkTable).Assembly.ManifestModule.ModuleVersionId.ToString())
            .Value("from", From is null ? "(runs)" : Resolve(From))
            .Parameter(nameof(WindowSkip), WindowSkip)
            .Parameter(nameof(WindowEnd), WindowEnd);
        foreach (var recipe in Catalog.All)
        {
            inputs.Value($"recipe {recipe.Id}", $"{recipe.Name} {recipe.Published} {recipe.Log.Format} {ImagesPerIteration(recipe)}");
            if (From is null)
                inputs.File(RunFile(recipe, "result.json")).File(RunFile(recipe, ResultFiles.FailureName));
            else
                inputs.Files(Path.Combine(Resolve(From), recipe.Id)); // train.log and any precise file beside it
        }
    }

    void WriteTable()
    {
        var rows = From is null
            ? Aggregator.FromRuns(Catalog.All, Path.Combine(ArtifactsDirectory, "runs"), ImagesPerIteration, Window)
            : Aggregator.FromLogs(Catalog.All, Resolve(From), ImagesPerIteration, Window);
        BenchmarkTable.Write(rows, ArtifactsDirectory);
        Log.Information("Comparison table:\n{Table}", BenchmarkTable.Markdown(rows));
    }

    /// <summary>With <c>--gpus 0</c> a run uses one device, the CPU.</summary>
    int ImagesPerIteration(Recipe recipe) => recipe.Images.PerIteration(Math.Max(1, Gpus), Settings(recipe));
}
