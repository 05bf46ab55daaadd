using MaskBench.Foundation.Files;
using MaskBench.History;
using MaskBench.Model.Catalog;
using MaskBench.Model.Records;
using MaskBench.Reports;
using MaskBench.Stages;
using Serilog;

namespace MaskBench.Benchmark;

/// <summary>Each selected implementation's runs at its current commit against a rolling baseline of earlier runs on the
/// same machine key, with the statistics' verdict; writes <c>artifacts/compare.md</c> (fit for a PR comment).</summary>
internal sealed class CompareStage(StageContext context)
{
    public const string Name = "Compare";

    public static string Description =>
        "Compare the selected implementations' runs at their current commits against a rolling baseline of earlier runs (--baseline, --baseline-runs)";

    public string Report => Path.Combine(context.Workspace.Artifacts, "compare.md");

    public void Run(IReadOnlyList<Recipe> recipes, string baseline, int baselineRuns)
    {
        var workspace = context.Workspace;
        var read = new HistoryStore(workspace.History).ReadAll();
        var history = read.Records;
        using var index = HistoryIndex.Rebuild(new HistoryStore(baseline), workspace.HistoryIndex);
        if (index.UnkeyedNote is { } unkeyed)
            Log.Warning("Compare: {Note}", unkeyed);
        var leftOut = LeftOut(workspace.History, read.Unreadable)
            .Concat(Path.GetFullPath(baseline) == Path.GetFullPath(workspace.History) ? [] : LeftOut(baseline, index.Unreadable))
            .ToList();
        if (leftOut.Count > 0)
            Log.Warning(
                "Compare: {Count} history file(s) left out, each with why: {Files}; move them away or fix them",
                leftOut.Count,
                string.Join("; ", leftOut)
            );
        var candidates = recipes
            .Where(r => File.Exists(workspace.PatchRecord(r.Id)))
            .SelectMany(r =>
            {
                var commit = PatchRecord.Read(workspace.PatchRecord(r.Id)).Report.BaseCommit;
                return history.Where(h => h.Implementation == r.Id && h.Commit == commit);
            })
            .ToList();
        if (candidates.Count == 0)
            throw new CompareFailed(
                CompareExit.NothingMeasured,
                $"nothing measured: the history {Shown.Path(workspace.History)} has no run of {string.Join(", ", recipes.Select(r => r.Id))} at its current commit; run Benchmark first"
            );
        var report = Comparison.FromHistory(index, candidates[0].MachineKey, candidates, baselineRuns) with { FilesLeftOut = leftOut };
        var markdown = report.Markdown();
        AtomicFile.WriteAllText(Report, markdown);
        Log.Information("Compare ({File}):\n{Markdown}", Shown.Path(Report), markdown);
        if (report.ExitCode != CompareExit.Ok)
            throw new CompareFailed(report.ExitCode, $"{Shown.Path(Report)} says why (exit {report.ExitCode})");
    }

    /// <summary>The files of a history folder its reader left out, each as its path and why.</summary>
    static IEnumerable<string> LeftOut(string folder, IReadOnlyList<string> unreadable) =>
        unreadable.Select(entry => Path.Combine(Shown.Path(folder), entry)); // "<relative path>: why", under the folder
}
