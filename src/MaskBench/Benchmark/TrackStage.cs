using MaskBench.History;
using MaskBench.Model.Catalog;
using MaskBench.Stages;
using MaskBench.Stages.Parse;
using Serilog;

namespace MaskBench.Benchmark;

/// <summary>
/// <c>Track-&lt;Id&gt; --track-commits N</c>: of the newest N commits of the implementation's branch, measures those this
/// machine's history has no run of, oldest first, each like a bisect probe (<see cref="ProbeChain"/>, <c>--repeats</c>
/// runs), and appends their runs to the history.
/// </summary>
internal sealed class TrackStage(StageContext context)
{
    public static string DescriptionOf(Recipe recipe) =>
        $"Measure the newest commits of {recipe.Name}'s branch (--track-commits, --track-branch) not yet in this machine's history";

    /// <returns>The commits measured, oldest first.</returns>
    public async Task<IReadOnlyList<string>> RunAsync(Recipe recipe, int commits, string branch, CancellationToken cancellation)
    {
        if (BranchName.Invalid(branch) is { } invalid)
            throw new HistoryException(invalid);
        var clone = await HistoryClone.EnsureAsync(context, recipe, cancellation);
        var newest = await Track.BranchCommits(clone, branch, commits, cancellation);
        // The machine that trains: here this one, on Slurm a node of the partition (a short job asks it).
        var machine = MachineKey.Of(
            context.Settings.Gpus > 0
                ? await context.Executor.GpusAsync(context.Settings.Gpus, context.Workspace.NodeProbes, cancellation)
                : null
        );
        var read = new HistoryStore(context.Workspace.History).ReadAll();
        if (read.UnkeyedNote is { } unkeyed)
            Log.Warning("Track: {Note}; their commits are measured again", unkeyed);
        var history = read.Records;
        var missing = Track
            .Unmeasured(newest, history, machine, recipe.Id, commits, RunComparability.Setup(context.Settings, recipe))
            .Reverse()
            .ToList();
        if (missing.Count == 0)
        {
            Log.Information(
                "{Implementation}: the newest {Count} commits of {Branch} are all in the history of {Machine}",
                recipe.Id,
                newest.Count,
                branch,
                machine
            );
            return [];
        }
        var chain = new ProbeChain(context, recipe);
        var measured = new List<string>();
        var unbuildable = new List<string>();
        foreach (var commit in missing)
        {
            var result = await chain.MeasureAsync(commit, 0, context.Settings.Repeats, cancellation);
            if (result.Unbuildable is { } why)
            {
                unbuildable.Add($"{commit[..12]} ({why})");
                continue;
            }
            measured.Add(commit);
            Log.Information(
                "{Commit}: {Runs}",
                commit[..12],
                string.Join(", ", result.Throughputs.Select(t => t.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)))
            );
        }
        if (measured.Count == 0)
            throw new ChainException(
                $"none of the {missing.Count} new commits of {recipe.Id} could be measured: {string.Join("; ", unbuildable)}"
            );
        if (unbuildable.Count > 0)
            Log.Warning(
                "{Implementation}: commits that did not build or train were skipped: {Commits}",
                recipe.Id,
                string.Join("; ", unbuildable)
            );
        Log.Information("{Implementation}: measured {Count} new commits on {Machine}", recipe.Id, measured.Count, machine);
        return measured;
    }
}
