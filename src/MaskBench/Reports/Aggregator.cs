using MaskBench.Foundation.Text;
using MaskBench.Model;
using MaskBench.Model.Catalog;
using MaskBench.Model.Logs;
using MaskBench.Model.Records;
using Serilog;

namespace MaskBench.Reports;

/// <summary>Collects one row per recipe: from the build's run folders, or by parsing logs a user already has.</summary>
internal static class Aggregator
{
    /// <summary>Rows from the runs' records (<c>runs/&lt;id&gt;/&lt;n&gt;/record.json</c>): what the last stage that ran
    /// for each run decided, and nothing else.</summary>
    public static IReadOnlyList<BenchmarkRow> FromRecords(
        IReadOnlyList<Recipe> recipes,
        Func<Recipe, IReadOnlyList<string>> records,
        Func<Recipe, int> imagesPerIteration,
        Window? window = null,
        ILogger? log = null,
        Func<Recipe, bool>? asked = null,
        Func<Recipe, string?>? whyNotRun = null
    ) =>
        Order(
            recipes.Select(recipe =>
            {
                var paths = records(recipe);
                var row = RowFromRuns.Of(recipe, paths) ?? FromRecord(recipe, paths[0], imagesPerIteration(recipe), window ?? Window.Page);
                return Report(
                    log,
                    asked?.Invoke(recipe) ?? true,
                    row.Status == BenchmarkRow.Missing && whyNotRun?.Invoke(recipe) is { } why ? row with { Reason = why } : row
                );
            })
        );

    /// <summary>Rows from <c>DIR/&lt;id&gt;/train.log</c> (and any precise file beside it), parsed now; nothing is written there.</summary>
    public static IReadOnlyList<BenchmarkRow> FromLogs(
        IReadOnlyList<Recipe> recipes,
        string logsFolder,
        Func<Recipe, int> imagesPerIteration,
        Window? window = null,
        ILogger? log = null,
        CancellationToken cancellation = default
    )
    {
        if (!Directory.Exists(logsFolder))
            throw new DirectoryNotFoundException(
                $"no folder {logsFolder}: pass --from a folder holding <implementation>/train.log, e.g. {Path.Combine(logsFolder, "detectron2", RunFiles.Log)}"
            );
        return Order(
            recipes.Select(recipe =>
                Report(
                    log,
                    asked: true,
                    FromLog(recipe, Path.Combine(logsFolder, recipe.Id), imagesPerIteration(recipe), window ?? Window.Page, cancellation)
                )
            )
        );
    }

    static BenchmarkRow FromRecord(Recipe recipe, string path, int images, Window window)
    {
        var (record, problem) = RunRecords.Read(path);
        if (problem is not null)
            return BenchmarkRow.Failed(recipe, images, window, $"{problem}: run Parse-{recipe.TargetSuffix} again to rewrite it");
        return record switch
        {
            null => BenchmarkRow.NotThere(
                recipe,
                images,
                window,
                $"not run yet: ./build.sh Benchmark --implementations {recipe.Id} runs it"
            ),
            { Status: RunRecord.Trained } => BenchmarkRow.NotThere(
                recipe,
                images,
                window,
                $"trained, not parsed yet: run Parse-{recipe.TargetSuffix}"
            ),
            { Result: { } result } when record.Status != ThroughputResult.Failed => BenchmarkRow.FromResult(recipe, result) with
            {
                Provenance = Provenance.OfRun(Path.GetDirectoryName(path)!),
            },
            _ => BenchmarkRow.Failed(recipe, images, window, $"{record.Stage} failed: {record.Reason}"),
        };
    }

    /// <summary>One row from a folder a user gave: only regular files are opened (a FIFO, a device, a socket or a link
    /// loop is refused by name before any <c>open()</c>), lines are bounded, and whatever goes wrong stays in this row.</summary>
    static BenchmarkRow FromLog(Recipe recipe, string folder, int images, Window window, CancellationToken cancellation)
    {
        var run = new RunFolder(folder);
        try
        {
            if (FileKind.NotRegular(folder) is { } kind && kind != "a directory")
                return kind == "missing"
                    ? BenchmarkRow.NotThere(recipe, images, window, $"no log at {run.Log}")
                    : BenchmarkRow.Failed(
                        recipe,
                        images,
                        window,
                        $"{folder} is {kind}, not a folder: put {RunFiles.Log} in a folder there"
                    );
            if (FileKind.NotRegular(run.Log) == "missing")
                return BenchmarkRow.NotThere(recipe, images, window, $"no log at {run.Log}");
            var result = LogFormats.Get(recipe.Log.Format).Parse(run, window, images, recipe.Failures, cancellation);
            return BenchmarkRow.FromResult(recipe, result) with { Provenance = Provenance.FromLogs(folder) };
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return BenchmarkRow.Failed(recipe, images, window, $"{run.Log} cannot be read: {ReasonText.OneLine(e.Message)}");
        }
    }

    /// <summary>Each row in one line: a result, or why there is none, a warning where the run asked for that row; the
    /// page's other rows that the run did not select are listed in the table, and their lines are left to verbose.</summary>
    static BenchmarkRow Report(ILogger? log, bool asked, BenchmarkRow row)
    {
        log ??= Log.Logger;
        if (row.Status == ThroughputResult.Ok)
            log.ForContext(MaskBench.Engine.Logging.EssentialProperty, true) // a result: --verbosity minimal shows it
                .Information(
                    "{Implementation}: {Throughput:l} img/s over {Window} ({Published})",
                    row.Implementation,
                    Figures.Throughput(row.Throughput),
                    row.Window,
                    row.Published is { } published ? $"{published} published" : "no published figure"
                );
        else if (!asked && row.Status == BenchmarkRow.Missing)
            log.Debug("{Implementation}: {Status}: {Reason}", row.Implementation, row.Status, ReasonText.OneLine(row.Reason));
        else
            log.Warning("{Implementation}: {Status}: {Reason}", row.Implementation, row.Status, ReasonText.OneLine(row.Reason));
        return row;
    }

    /// <summary>Fastest first; suspect, failed, then missing rows last, in catalog order.</summary>
    static IReadOnlyList<BenchmarkRow> Order(IEnumerable<BenchmarkRow> rows)
    {
        var list = rows.ToList();
        return list.Select((row, index) => (row, index))
            .OrderBy(x =>
                x.row.Status switch
                {
                    ThroughputResult.Ok => 0,
                    ThroughputResult.Suspect => 1,
                    ThroughputResult.Failed => 2,
                    _ => 3,
                }
            )
            .ThenByDescending(x => x.row.Throughput ?? 0)
            .ThenBy(x => x.index)
            .Select(x => x.row)
            .ToList();
    }
}
