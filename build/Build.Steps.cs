using MaskBench.Catalog;
using MaskBench.Engine;
using MaskBench.Git;
using MaskBench.Patching;
using Newtonsoft.Json;
using Serilog;
using MaskBench.Files;

namespace MaskBench.Build;

/// <summary>The steps of a chain. Each reads the previous step's output and writes its own.</summary>
partial class Build
{
    void CloneSource(Recipe recipe) =>
        GitSource.Clone(recipe.Source, Source(recipe), GitMirror is null ? null : Resolve(GitMirror), RootDirectory, Cancellation);

    void PatchSource(Recipe recipe)
    {
        var report = Patcher.Patch(Source(recipe), Path.Combine(RootDirectory, "patches", recipe.Id), recipe.Patches);
        foreach (var outcome in report.Patches)
            Log.Information("{Patch}: {Replacements} changes in {Files} files", outcome.Patch, outcome.Replacements, outcome.Files);
        foreach (var check in report.Patches.SelectMany(p => p.BlobChecks).Where(c => !c.AfterMatches))
            Log.Warning("{Path}: the patched file's blob is {After}, the diff's index line says {Expected}", check.Path, check.After, check.ExpectedAfter);
        Log.Information("Patched tree {Tree} on {Commit}", report.TreeHash, report.BaseCommit);
        AtomicFile.WriteAllText(PatchReport(recipe), JsonConvert.SerializeObject(report, Formatting.Indented));
    }

    void SetupEnvironment(Recipe recipe) => NotImplementedYet("Setup", "issue 6: environments");

    void TrainModel(Recipe recipe) => NotImplementedYet("Train", "issue 6: the training run");

    void ParseLog(Recipe recipe) => NotImplementedYet("Parse", "issue 4: the log parsers");

    void AggregateInputs(FingerprintBuilder inputs) => inputs.Value("from", From ?? "(runs)");

    void WriteTable() => NotImplementedYet("Aggregate", "issue 4: the comparison table");

    string BenchmarkTable(string extension) => Path.Combine(ArtifactsDirectory, $"benchmark.{extension}");

    static void NotImplementedYet(string step, string where) =>
        throw new BuildException($"{step} is not implemented yet ({where}); nothing was done");
}
