using MaskBench.Foundation.Text;
using MaskBench.History.Bisect;
using MaskBench.Model.Catalog;
using MaskBench.Stages;
using Serilog;
using RunRecords = MaskBench.Model.Records.RunRecords;

namespace MaskBench.Benchmark;

/// <summary>
/// Measures one commit of an implementation for Bisect and Track: its chain's stages (Clone, Patch, Setup, then Train
/// and Parse per run) run directly at that commit (<c>--pin</c>) in the commit's own work area
/// (<see cref="Workspace.Probe"/>: its clone, environment, runs and <see cref="ProbeStamps"/>), appending every parsed
/// run to the history. What a killed probe finished is not done again; a commit whose chain fails is not buildable.
/// </summary>
sealed class ProbeChain(StageContext context, Recipe recipe)
{
    static readonly string[] Building = ["Clone", "Patch", "Setup"];

    /// <summary>Measures <paramref name="runs"/> runs of <paramref name="commit"/> after the <paramref name="already"/> runs it has from before.</summary>
    public async Task<ProbeResult> MeasureAsync(string commit, int already, int runs, CancellationToken cancellation)
    {
        var probe = At(commit, already + runs);
        var chain = new ChainTargets(probe);
        var stamps = new ProbeStamps(probe.Workspace.Stamps);
        var redone = false;
        foreach (var verb in Building)
        {
            var stage = chain.Stage(verb);
            var step = stage.Steps(recipe)[0];
            if (!redone && stamps.Fresh(stage, step))
                continue;
            redone = true;
            if (await Run(stage, step, stamps, cancellation) is { } failure)
                return ProbeResult.NotBuildable(failure);
        }
        var throughputs = new List<double>();
        foreach (var repeat in Enumerable.Range(already + 1, runs))
        {
            var run = new RunKey(recipe.Id, repeat);
            var record = RunRecords.Read(probe.Workspace.Record(run)).Record;
            var (train, parse) = (chain.Stage("Train"), chain.Stage("Parse"));
            var (trainStep, parseStep) = (train.Steps(recipe)[repeat - 1], parse.Steps(recipe)[repeat - 1]);
            if (redone || record is not { IsMeasured: true } || !stamps.Fresh(train, trainStep) || !stamps.Fresh(parse, parseStep))
            {
                if ((await Run(train, trainStep, stamps, cancellation) ?? await Run(parse, parseStep, stamps, cancellation)) is { } failure)
                    return ProbeResult.NotBuildable(failure);
                record = RunRecords.Read(probe.Workspace.Record(run)).Record;
            }
            else
                Log.Information(
                    "{Commit} run {Repeat}: measured before, {Throughput:0.##} img/s",
                    commit[..12],
                    repeat,
                    record.Result!.Throughput
                );
            if (record is not { IsMeasured: true })
                return ProbeResult.NotBuildable($"run {repeat} was not measured ({record?.Reason ?? "no record"})");
            throughputs.Add(record.Result!.Throughput!.Value);
        }
        return ProbeResult.Measured(throughputs);
    }

    /// <summary>The context of the commit's work area: this commit pinned, its own folders, the shared weights, data and history.</summary>
    StageContext At(string commit, int runs)
    {
        var area = context.Workspace.Probe(recipe.Id, commit);
        var workspace = context.Workspace with
        {
            Work = area,
            Artifacts = Path.Combine(area, "artifacts"),
            HistoryFolder = context.Workspace.History,
        };
        var settings = context.Settings with
        {
            Pin = new PinnedCommit(recipe.Id, commit),
            Repeats = runs,
            Coco = context.Settings.Coco == BenchmarkSettings.Synthetic ? context.Workspace.SyntheticCoco : context.Settings.Coco,
        };
        return context with { Workspace = workspace, Settings = settings };
    }

    /// <summary>Runs a stage; null when it succeeded (and is stamped), else the failure in one line. A failure while the
    /// bisect is being cancelled is the cancellation, not the commit's: it goes through, and nothing is journaled.</summary>
    static async Task<string?> Run(ChainStage stage, Step step, ProbeStamps stamps, CancellationToken cancellation)
    {
        stamps.Forget(stage, step);
        try
        {
            await stage.RunAsync(step, cancellation);
        }
        catch (Exception e) when (!cancellation.IsCancellationRequested)
        {
            Log.Warning("{Target} at this commit failed: {Message}", stage.Name(step), ReasonText.OneLine(e.Message));
            return $"{stage.Verb}: {ReasonText.OneLine(e.Message)}";
        }
        stamps.Done(stage, step);
        return null;
    }
}
