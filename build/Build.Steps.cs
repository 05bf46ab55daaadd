using MaskBench.Catalog;
using MaskBench.Engine;

namespace MaskBench.Build;

/// <summary>The steps of a chain. Each reads the previous step's output and writes its own.</summary>
partial class Build
{
    void CloneSource(Recipe recipe) => NotImplementedYet("Clone", "issue 3: clone at the pin with LibGit2Sharp");

    void PatchSource(Recipe recipe) => NotImplementedYet("Patch", "issue 3: patch exactly, with proof");

    void SetupEnvironment(Recipe recipe) => NotImplementedYet("Setup", "issue 6: environments");

    void TrainModel(Recipe recipe) => NotImplementedYet("Train", "issue 6: the training run");

    void ParseLog(Recipe recipe) => NotImplementedYet("Parse", "issue 4: the log parsers");

    void AggregateInputs(FingerprintBuilder inputs) => inputs.Value("from", From ?? "(runs)");

    void WriteTable() => NotImplementedYet("Aggregate", "issue 4: the comparison table");

    string BenchmarkTable(string extension) => Path.Combine(ArtifactsDirectory, $"benchmark.{extension}");

    static void NotImplementedYet(string step, string where) =>
        throw new BuildException($"{step} is not implemented yet ({where}); nothing was done");
}
