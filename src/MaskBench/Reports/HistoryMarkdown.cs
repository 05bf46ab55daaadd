using System.Globalization;
using System.Text;
using MaskBench.Foundation.Statistics;
using MaskBench.History;
using MaskBench.History.Bisect;

namespace MaskBench.Reports;

/// <summary>What History derives, as Markdown: Compare's summary fit for a PR comment (<c>compare.md</c>) and a bisection's
/// answer with every probe (<c>bisect/&lt;id&gt;.md</c>).</summary>
internal static class HistoryMarkdown
{
    public static string Markdown(this ComparisonReport report)
    {
        var text = new StringBuilder();
        text.Append($"### MaskBench: training throughput against a rolling baseline\n\n");
        text.Append(
            $"Machine `{report.MachineKey}`; baseline: the last {report.BaselineRuns} earlier runs of each implementation on this machine.\n\n"
        );
        text.Append("| implementation | baseline median [n] | candidate median [n] | change | verdict | p |\n");
        text.Append("|---|---:|---:|---:|---|---:|\n");
        foreach (var row in report.Rows)
        {
            var verdict = row.Result is { } r ? Word(r.Outcome) : row.Problem ?? "–";
            text.Append(
                $"| {row.Implementation} | {Median(row.BaselineMedian, row.Baseline.Count)} | {Median(row.CandidateMedian, row.Candidate.Count)} | {Change(row.Result)} | {verdict} | {Figures.Number(row.Result?.P, "0.####")} |\n"
            );
        }
        if (report.Rows.Where(r => r.LeftOut is not null).ToList() is { Count: > 0 } partial)
        {
            text.Append(
                "\nOnly runs of one comparability key (window, images per iteration, stack, environment, GPUs, settings) whose GPUs were neither thermal nor unwatched are pooled. Left out:\n\n"
            );
            foreach (var row in partial)
                text.Append($"- {row.Implementation}: {row.LeftOut}\n");
        }
        if (report.FilesLeftOut is { Count: > 0 and var n } files)
        {
            text.Append(
                $"\n{n} history file{(n == 1 ? " was" : "s were")} left out (unreadable, or a throughput no training reaches):\n\n"
            );
            foreach (var file in files)
                text.Append($"- {file}\n");
        }
        text.Append('\n').Append(Outcome(report)).Append('\n');
        return text.ToString();
    }

    public static string Markdown(this BisectResult result)
    {
        var text = new StringBuilder($"### Bisect {result.Implementation}\n\n{result.Summary()}.\n\n");
        text.Append("| # | commit | runs | median img/s | min–max | change | p | decision |\n|---:|---|---:|---:|---:|---:|---:|---|\n");
        foreach (var p in result.Probes)
            text.Append(
                FormattableString.Invariant(
                    $"| {p.Index} | `{p.Commit[..12]}` | {p.Throughputs.Count} | {Figures.Throughput(p.Median)} | {(p.Throughputs.Count > 0 ? $"{p.Throughputs.Min():0.0}–{p.Throughputs.Max():0.0}" : "–")} | {Change(p.Verdict)} | {Figures.Number(p.Verdict?.P, "0.####")} | {p.Decision}{(p.Unbuildable is { } u ? $": {u}" : "")}{(p.Rule is { } r ? $" ({r})" : "")} |\n"
                )
            );
        return text.ToString();
    }

    /// <summary>Every finding, the one that sets the exit code first.</summary>
    static string Outcome(ComparisonReport report)
    {
        var lines = new List<string>();
        if (report.Rows.Where(r => r.Regressed).Select(r => r.Implementation).ToList() is { Count: > 0 } slower)
            lines.Add($"**Regression**: {string.Join(", ", slower)} slower than the baseline (exit 4).");
        if (report.Rows.Where(r => r.Failed > 0).Select(r => r.Implementation).ToList() is { Count: > 0 } failed)
            lines.Add($"**Infrastructure failure**: runs of {string.Join(", ", failed)} did not produce a throughput (exit 5).");
        if (report.ExitCode == CompareExit.NothingMeasured)
            lines.Add(
                "**No baseline yet**: nothing was compared, as no implementation had both measured runs and a baseline (exit 6); later runs on this machine will have one."
            );
        if (report.ExitCode == CompareExit.Ok)
            lines.Add("No regression (exit 0).");
        return string.Join("\n\n", lines);
    }

    static string Word(string outcome) => outcome == Verdict.Slower ? "**slower**" : outcome;

    static string Median(double? median, int count) => median is null ? "–" : $"{Figures.Throughput(median)} [{count}]";

    static string Change(Verdict? result) =>
        result is { Effect: var c } && double.IsFinite(c) ? (c * 100).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + " %" : "–";
}
