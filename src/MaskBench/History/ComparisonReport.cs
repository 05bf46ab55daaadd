using System.Globalization;
using System.Text;
using MaskBench.Reports;
using MaskBench.Statistics;

namespace MaskBench.History;

/// <summary>Compare's outcome: a row per implementation, the exit code, and a Markdown summary fit for a PR comment.</summary>
public sealed record ComparisonReport(string MachineKey, int BaselineRuns, IReadOnlyList<ComparisonRow> Rows)
{
    public int ExitCode =>
        Rows.Any(r => r.Regressed) ? CompareExit.Regression
        : Rows.Any(r => r.Failed > 0) ? CompareExit.InfrastructureFailure
        : Rows.Any(r => r.Result is not null) ? CompareExit.Ok
        : CompareExit.NothingMeasured;

    public string Markdown()
    {
        var text = new StringBuilder();
        text.Append($"### MaskBench: training throughput against a rolling baseline\n\n");
        text.Append($"Machine `{MachineKey}`; baseline: the last {BaselineRuns} earlier runs of each implementation on this machine.\n\n");
        text.Append("| implementation | baseline median [n] | candidate median [n] | change | verdict | p |\n");
        text.Append("|---|---:|---:|---:|---|---:|\n");
        foreach (var row in Rows)
        {
            var verdict = row.Result is { } r ? Word(r.Outcome) : row.Problem ?? "–";
            text.Append(
                $"| {row.Implementation} | {Median(row.BaselineMedian, row.Baseline.Count)} | {Median(row.CandidateMedian, row.Candidate.Count)} | {Change(row.Result)} | {verdict} | {Figures.Number(row.Result?.P, "0.####")} |\n"
            );
        }
        if (Rows.Where(r => r.LeftOut is not null).ToList() is { Count: > 0 } partial)
        {
            text.Append(
                "\nOnly runs of one comparability key (window, images per iteration, stack, environment, GPUs, settings) whose GPUs were neither thermal nor unwatched are pooled. Left out:\n\n"
            );
            foreach (var row in partial)
                text.Append($"- {row.Implementation}: {row.LeftOut}\n");
        }
        text.Append('\n').Append(Outcome()).Append('\n');
        return text.ToString();
    }

    /// <summary>Every finding, the one that sets the exit code first.</summary>
    string Outcome()
    {
        var lines = new List<string>();
        if (Rows.Where(r => r.Regressed).Select(r => r.Implementation).ToList() is { Count: > 0 } slower)
            lines.Add($"**Regression**: {string.Join(", ", slower)} slower than the baseline (exit 4).");
        if (Rows.Where(r => r.Failed > 0).Select(r => r.Implementation).ToList() is { Count: > 0 } failed)
            lines.Add($"**Infrastructure failure**: runs of {string.Join(", ", failed)} did not produce a throughput (exit 5).");
        if (ExitCode == CompareExit.NothingMeasured)
            lines.Add(
                "**No baseline yet**: nothing was compared, as no implementation had both measured runs and a baseline (exit 6); later runs on this machine will have one."
            );
        if (ExitCode == CompareExit.Ok)
            lines.Add("No regression (exit 0).");
        return string.Join("\n\n", lines);
    }

    static string Word(string outcome) => outcome == Verdict.Slower ? "**slower**" : outcome;

    static string Median(double? median, int count) => median is null ? "–" : $"{Figures.Throughput(median)} [{count}]";

    static string Change(Verdict? result) =>
        result is { Effect: var c } && double.IsFinite(c) ? (c * 100).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + " %" : "–";
}
