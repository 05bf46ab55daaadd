using MaskBench.Engine;
using MaskBench.Model.Logs;
using MaskBench.Reports;
using MaskBench.Stages;
using Serilog;

namespace MaskBench.Benchmark;

/// <summary>Writes the comparison (md, csv, json, svg, html) from every run's record, or from logs in <c>--from</c>.</summary>
internal sealed class AggregateStage(StageContext context)
{
    public const string Name = "Aggregate";

    public static string Description =>
        "Write the comparison (artifacts/benchmark.md, .csv, .json, .svg, .html) from every parsed run, or from logs in --from DIR (into artifacts/from-logs/)";

    /// <summary>The measured table's folder, or with <c>--from</c> its own, so that a table read from logs never
    /// replaces a measured one.</summary>
    string Folder => context.Settings.From is null ? context.Workspace.Artifacts : context.Workspace.FromLogsArtifacts;

    public void Declare(FingerprintBuilder inputs)
    {
        var settings = context.Settings;
        inputs
            .Value("reporting code", typeof(BenchmarkTable).Assembly.ManifestModule.ModuleVersionId.ToString())
            .Value("from", settings.From ?? "(runs)")
            .Value("reference", settings.Reference ?? "(the page's fastest that ran)")
            .Parameter("WindowSkip", settings.Window.Skip)
            .Parameter("WindowEnd", settings.Window.End);
        foreach (var recipe in context.Catalog.All)
        {
            inputs
                .Value($"recipe {recipe.Id}", $"{recipe.Name} {recipe.Published} {recipe.Log.Format}")
                .Value(
                    $"images per iteration of {recipe.Id}", // from --gpus and --set, not the recipe's text
                    settings.ImagesPerIteration(recipe).ToString(System.Globalization.CultureInfo.InvariantCulture)
                );
            if (settings.From is null)
                foreach (var run in context.Runs(recipe))
                    inputs.File(context.Workspace.Record(run));
            else
                foreach (var file in new RunFolder(Path.Combine(settings.From, recipe.Id)).RegularFiles())
                    inputs.File(file); // train.log and any precise file beside it: regular files only, never a FIFO or device
        }
    }

    public IReadOnlyList<TargetOutput> Outputs =>
        [.. BenchmarkTable.FileNames.Select(name => TargetOutput.File(Path.Combine(Folder, name)))];

    /// <summary>A cancelled <paramref name="cancellation"/> (Ctrl-C, SIGTERM) ends a parse of a huge log between two
    /// blocks of it; nothing is written then. A row is asked for when its chain was scheduled (<paramref name="scheduled"/>),
    /// or when none was (Aggregate alone, <c>--from</c>): only those say why they are missing as a warning.</summary>
    public Task Run(IReadOnlyCollection<Model.Catalog.Recipe> scheduled, CancellationToken cancellation)
    {
        var settings = context.Settings;
        var rows = settings.From is null
            ? Aggregator.FromRecords(
                context.Catalog.All,
                recipe => context.Runs(recipe).Select(context.Workspace.Record).ToList(),
                settings.ImagesPerIteration,
                settings.Window,
                asked: recipe => scheduled.Count == 0 || scheduled.Contains(recipe),
                whyNotRun: recipe =>
                    context.Settings.Unavailable(recipe) is { } why
                        ? $"{why}; on a GPU of the page's generation, --stacks page runs it"
                        : null
            )
            : Aggregator.FromLogs(
                context.Catalog.All,
                settings.From,
                settings.ImagesPerIteration,
                settings.Window,
                cancellation: cancellation
            );
        Directory.CreateDirectory(Folder);
        BenchmarkTable.Write(rows, Folder, settings.Reference);
        MaskBench.Engine.Logging.Essential.Information("Comparison table:\n{Table}", BenchmarkTable.Markdown(rows));
        if (settings.From is not null)
            Log.Information("Wrote the table read from the logs in {From} to {Folder}, beside the measured one", settings.From, Folder);
        return Task.CompletedTask;
    }
}
