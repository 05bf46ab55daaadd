using System.Globalization;
using System.Text;
using MaskBench.Foundation.Files;
using MaskBench.Foundation.Text;

namespace MaskBench.Reports;

/// <summary>The comparison table as <c>benchmark.md</c>, <c>.csv</c> and <c>.json</c>, with the chart <c>benchmark.svg</c> and
/// the report <c>benchmark.html</c>.</summary>
internal static class BenchmarkTable
{
    public static readonly string[] FileNames = ["benchmark.md", "benchmark.csv", "benchmark.json", "benchmark.svg", "benchmark.html"];

    /// <summary>Writes the five files into <paramref name="folder"/>, all or nothing: when one cannot be written, none
    /// is changed and the <see cref="IOException"/> names it. <paramref name="reference"/>: the ratio of ratios'
    /// reference implementation (null: the page's fastest that ran).</summary>
    public static void Write(IReadOnlyList<BenchmarkRow> rows, string folder, string? reference = null)
    {
        var analysis = TableAnalysis.Of(rows, reference);
        string[] contents =
        [
            Markdown(rows, analysis),
            Csv(rows, analysis),
            Json(rows, analysis),
            BarChart.Svg(rows),
            HtmlReport.Html(rows, DateTimeOffset.UtcNow, analysis),
        ];
        AtomicFile.WriteAll(FileNames.Select((name, i) => (Path.Combine(folder, name), contents[i])).ToList(), "table files");
    }

    public static string Markdown(IReadOnlyList<BenchmarkRow> rows, TableAnalysis? analysis = null)
    {
        analysis ??= TableAnalysis.Of(rows);
        var text = new StringBuilder();
        text.Append(
            "| Implementation | Throughput (img/s) | Published (img/s) | Ratio | Window | Images/iteration (all GPUs) | Status |\n"
        );
        text.Append("|---|---:|---:|---:|---|---:|---|\n");
        foreach (var r in rows)
            text.Append(
                $"| {Cell(r.Name)} | {Figures.Throughput(r.Throughput)}{Figures.Interval(r)} | {Figures.Number(r.Published, "0.##")} | {Figures.Number(r.Ratio, "F2")} | "
                    + $"{Figures.Window(r)} | {r.ImagesPerIteration} | {Cell(r.Reason is null ? r.Status : $"{r.Status}: {ReasonText.OneLine(r.Reason)}")} |\n"
            );
        text.Append("\nThroughput is the average over 1-based iterations ")
            .Append(rows.FirstOrDefault()?.Requested.ToString() ?? "101..500")
            .Append(
                " (the page's window is 101..500: iterations 100-500, skipping GPU warm-up); * marks a window or timing that is the closest the log allows. "
                    + "Images per iteration are the global batch: every GPU's images together (a per-GPU batch times the GPUs).\n\n"
            );
        foreach (var r in rows.Where(r => r.Note is not null))
            text.Append($"- {r.Name}: {r.Note}.\n");
        foreach (var r in rows.Where(r => r.Provenance is not null))
            text.Append($"- {r.Name}: {r.Provenance}.\n");
        foreach (var r in rows.Where(r => r.Method is not null))
        {
            text.Append($"- {r.Name} (`{r.Format}`): {r.Method}");
            if (r.HarnessThroughput is { } h)
                text.Append($"; harness line timestamps give {Figures.Throughput(h)} img/s");
            text.Append(".\n");
        }
        return text.Append(AnalysisText.Markdown(analysis, rows)).ToString();
    }

    public static string Csv(IReadOnlyList<BenchmarkRow> rows, TableAnalysis? analysis = null)
    {
        analysis ??= TableAnalysis.Of(rows);
        var text = new StringBuilder(
            "implementation,name,format,status,throughput,published,ratio,window_first,window_last,exact,"
                + "images_per_iteration,harness_throughput,reason,method,runs,interval_low,interval_high,interval_confidence,cov,page,ratio_of_ratios,provenance\n"
        );
        foreach (var r in rows)
            text.Append(
                    string.Join(
                        ",",
                        Field(r.Implementation),
                        Field(r.Name),
                        Field(r.Format),
                        Field(r.Status),
                        Figures.Number(r.Throughput, "0.###", ""),
                        Figures.Number(r.Published, "0.###", ""),
                        Figures.Number(r.Ratio, "0.####", ""),
                        r.Window?.First.ToString(CultureInfo.InvariantCulture) ?? "",
                        r.Window?.Last.ToString(CultureInfo.InvariantCulture) ?? "",
                        r.Exact ? "true" : "false",
                        r.ImagesPerIteration.ToString(CultureInfo.InvariantCulture),
                        Figures.Number(r.HarnessThroughput, "0.###", ""),
                        Field(ReasonText.OneLine(r.Reason)),
                        Field(r.Method ?? ""),
                        TableAnalysis.Counted(r).Count.ToString(CultureInfo.InvariantCulture),
                        Figures.Number(r.Interval?[0], "0.###", ""),
                        Figures.Number(r.Interval?[1], "0.###", ""),
                        Figures.Number(r.IntervalConfidence, "0.####", ""),
                        Figures.Number(r.Cov, "0.####", ""),
                        Field(analysis.Page.FirstOrDefault(p => p.Implementation == r.Implementation)?.Consistency.Outcome ?? ""),
                        Figures.Number(analysis.Ratios?.Entries.FirstOrDefault(e => e.Id == r.Implementation)?.Value, "0.####", ""),
                        Field(r.Provenance ?? "")
                    )
                )
                .Append('\n');
        return text.ToString();
    }

    public static string Json(IReadOnlyList<BenchmarkRow> rows, TableAnalysis? analysis = null) =>
        JsonFiles.Text(
            new
            {
                schemaVersion = SchemaVersion,
                rows,
                analysis = analysis ?? TableAnalysis.Of(rows),
            }
        );

    /// <summary><c>benchmark.json</c>'s shape: 2 added <c>schemaVersion</c> and each row's <c>provenance</c>.</summary>
    public const int SchemaVersion = 2;

    static string Cell(string text) => text.Replace("|", "\\|").Replace("\n", " ");

    static string Field(string text) => text.IndexOfAny([',', '"', '\n', '\r']) < 0 ? text : "\"" + text.Replace("\"", "\"\"") + "\"";
}
