using System.Diagnostics.CodeAnalysis;
using MaskBench.Foundation.Files;
using MaskBench.History.Bisect;
using MaskBench.Model.Catalog;
using MaskBench.Reports;
using MaskBench.Reports.Charts;
using MaskBench.Stages;
using Serilog;

namespace MaskBench.Benchmark;

/// <summary>
/// <c>Bisect-&lt;Id&gt; --good A --bad B</c>: the first commit between A and B where the implementation trains slower,
/// like <c>asv find</c>. <see cref="Bisection"/> chooses the commits, a <see cref="ProbeChain"/> measures each with
/// <c>--repeats</c> runs, the statistics' verdict (<see cref="MaskBench.Foundation.Statistics.Verdict.Between"/>) decides. Every measured commit is
/// journaled in <c>artifacts/bisect/&lt;id&gt;/</c>, so a bisect run again measures nothing twice; the answer goes to
/// <c>artifacts/bisect/&lt;id&gt;.json</c>, <c>.md</c> and <c>.svg</c>.
/// </summary>
internal sealed class BisectStage(StageContext context)
{
    public static string DescriptionOf(Recipe recipe) =>
        $"Find the first commit of {recipe.Name} between --good and --bad where training got slower (--repeats runs a commit)";

    /// <summary>A bisect needs both ends: one line naming what is missing.</summary>
    public static void EnsureCommits(Recipe recipe, [NotNull] string? good, [NotNull] string? bad)
    {
        if (good is null || bad is null)
            throw new ChainException(
                $"Bisect-{recipe.TargetSuffix} needs --good <commit> (trains at the old speed) and --bad <commit> (a later one that trains slower)"
            );
    }

    public async Task<BisectResult> RunAsync(Recipe recipe, string? good, string? bad, int maxRuns, CancellationToken cancellation)
    {
        EnsureCommits(recipe, good, bad);
        var clone = await HistoryClone.EnsureAsync(context, recipe, cancellation);
        var commits = await CommitRange.Between(clone, good, bad, cancellation);
        var folder = context.Workspace.Bisect;
        var journal = new ProbeJournal(Path.Combine(folder, recipe.Id));
        ForgetIfMeasuredOtherwise(journal.Folder);
        var chain = new ProbeChain(context, recipe);
        Log.Information(
            "Bisecting {Implementation}: {Count} commits from {Good} to {Bad}, {Repeats} runs a probe",
            recipe.Id,
            commits.Count,
            commits[0][..12],
            commits[^1][..12],
            context.Settings.Repeats
        );
        var options = new BisectOptions(context.Settings.Repeats, Math.Max(maxRuns, context.Settings.Repeats));
        var result = await Bisection.Run(
            recipe.Id,
            commits,
            (commit, runs, token) => chain.MeasureAsync(commit, journal.Load(commit)?.Throughputs.Count ?? 0, runs, token),
            folder,
            options,
            cancellation
        );
        AtomicFile.WriteAllText(Path.Combine(folder, $"{recipe.Id}.svg"), BisectChart.Svg(result));
        AtomicFile.WriteAllText(Path.Combine(folder, $"{recipe.Id}.md"), result.Markdown());
        Log.Information("{Summary}", result.Summary());
        return result;
    }

    /// <summary>The journal holds figures measured with some window, GPU count, stack and data: when these differ now,
    /// it is started again rather than mixing runs that do not compare.</summary>
    void ForgetIfMeasuredOtherwise(string journal)
    {
        var settings = context.Settings;
        var how = JsonFiles.Fingerprint(
            new
            {
                window = settings.Window.ToString(),
                settings.Gpus,
                coco = settings.Coco,
                stack = settings.StackName,
                stackOverrides = settings.StackOverrides,
                set = settings.SettingOverrides,
                provider = settings.ProviderName,
            },
            indented: true
        );
        var marker = Path.Combine(journal, "measured-with.json");
        if (File.Exists(marker) && File.ReadAllText(marker) != how)
        {
            Log.Warning("The bisect journal {Journal} was measured with other settings: measuring again", journal);
            Directory.Delete(journal, recursive: true);
        }
        Directory.CreateDirectory(journal);
        AtomicFile.WriteAllText(marker, how);
    }
}
