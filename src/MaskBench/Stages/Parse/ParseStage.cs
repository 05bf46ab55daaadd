using System.Globalization;
using MaskBench.Engine;
using MaskBench.Foundation.Files;
using MaskBench.Foundation.Text;
using MaskBench.Model;
using MaskBench.Model.Catalog;
using MaskBench.Model.Logs;
using MaskBench.Model.Records;
using MaskBench.Tools.Telemetry;

namespace MaskBench.Stages.Parse;

/// <summary>Reads img/s over the window from a run's log into the run's record.</summary>
internal sealed class ParseStage(StageContext context) : ChainStage(context)
{
    public override string Verb => "Parse";

    public override bool PerRun => true;

    public override string Description(Step step) => $"Read img/s over the window from {step.Recipe.Name}'s log (run {step.Run.Repeat})";

    public override IReadOnlyList<string> DependsOn(Step step) => [step.Name("Train", perRun: true)];

    public override void Declare(FingerprintBuilder inputs, Step step) => Declare(inputs, step.Recipe);

    void Declare(FingerprintBuilder inputs, Recipe recipe) =>
        inputs
            .Value("log format", recipe.Log.Format)
            .Value("images per iteration", Settings.ImagesPerIteration(recipe).ToString(CultureInfo.InvariantCulture))
            .Value("parser version", LogFormats.Get(recipe.Log.Format).Version.ToString(CultureInfo.InvariantCulture))
            .Value("failure patterns", JsonFiles.Fingerprint(recipe.Failures))
            .Parameter("WindowSkip", Settings.Window.Skip)
            .Parameter("WindowEnd", Settings.Window.End);

    public override IReadOnlyList<TargetOutput> Outputs(Step step) => [TargetOutput.File(Workspace.Record(step.Run))];

    protected override string LogOf(RunKey run) => Workspace.RunFile(run, RunFiles.Log);

    protected override async Task Body(Step step, CancellationToken cancellation)
    {
        var (recipe, run) = step;
        var result = RunParser.Parse(
            recipe,
            Workspace.Run(run),
            Settings.ImagesPerIteration(recipe),
            Settings.Window,
            cancellation: cancellation
        );
        var reason = result.Reason is { } r ? ReasonText.OneLine(r) : null;
        var gpu = GpuJudgement.Of(Workspace.Run(run), result);
        var record = RunRecordOf.Make(run, result.Status, Verb, reason, LogOf(run), result) with
        {
            Gpu = gpu,
            Key = RunComparability.Of(Workspace, Settings, recipe, result),
        };
        RunRecords.Write(Workspace.Record(run), record);
        if (record.IsMeasured)
            LastGood.Keep(Workspace.Run(run));
        if (gpu is { Outcome: not (GpuVerdict.Clean or GpuVerdict.NoGpu) })
            Serilog.Log.Warning(
                "{Run}: GPU verdict {Sentence}; {Consequence}",
                run,
                gpu.Sentence,
                gpu.Outcome == GpuVerdict.Thermal ? "left out of the table's figures and of comparisons"
                    : GpuVerdict.Comparable(gpu.Outcome) ? "counted, and named in the table"
                    : "counted in the table with its verdict named, not pooled in comparisons"
            );
        try
        {
            await HistoryEntry.AppendAsync(Workspace, Settings, Settings.Applied(recipe), run, record, cancellation);
        }
        catch (Exception e) when (e is MaskBenchException or IOException or InvalidOperationException or Newtonsoft.Json.JsonException)
        {
            Serilog.Log.Warning(
                "{Run}: not appended to the history {History}: {Message}",
                run,
                Workspace.History,
                ReasonText.OneLine(e.Message)
            );
        }
        if (result.Status == ThroughputResult.Failed)
            throw new ChainException($"{run}: {reason}", recorded: true);
    }
}
