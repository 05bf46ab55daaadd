using System.Globalization;
using MaskBench.Catalog;
using MaskBench.Engine;
using MaskBench.Parsing;
using MaskBench.Results;
using Newtonsoft.Json;

namespace MaskBench.Chain;

/// <summary>Reads img/s over the window from each run's log into the run's record.</summary>
public sealed class ParseStage(StageContext context) : ChainStage(context)
{
    public override string Verb => "Parse";

    public override string Description(Recipe recipe) => $"Read img/s over the window from {recipe.Name}'s log";

    public override IReadOnlyList<string> DependsOn(Recipe recipe) => [$"Train-{recipe.TargetSuffix}"];

    public override void Declare(FingerprintBuilder inputs, Recipe recipe) =>
        inputs
            .Value("log format", recipe.Log.Format)
            .Value("images per iteration", Settings.ImagesPerIteration(recipe).ToString(CultureInfo.InvariantCulture))
            .Value("parser version", LogFormats.Get(recipe.Log.Format).Version.ToString(CultureInfo.InvariantCulture))
            .Value("failure patterns", JsonConvert.SerializeObject(recipe.Failures))
            .Parameter("WindowSkip", Settings.Window.Skip)
            .Parameter("WindowEnd", Settings.Window.End);

    public override IReadOnlyList<TargetOutput> Outputs(Recipe recipe) =>
        [.. Context.Runs(recipe).Select(run => TargetOutput.File(Workspace.Record(run)))];

    protected override string LogOf(RunKey run) => Workspace.RunFile(run, Workspace.LogName);

    protected override Task Body(Recipe recipe, CancellationToken cancellation)
    {
        var failures = new List<string>();
        foreach (var run in Context.Runs(recipe))
        {
            var result = RunParser.Parse(recipe, Workspace.Run(run), Settings.ImagesPerIteration(recipe), Settings.Window);
            var reason = result.Reason is { } r ? RunRecords.OneLine(r) : null;
            RunRecords.Write(
                Workspace.Record(run),
                new RunRecord(
                    RunRecord.CurrentVersion,
                    run.Implementation,
                    run.Repeat,
                    result.Status,
                    Verb,
                    reason,
                    LogOf(run),
                    DateTimeOffset.UtcNow,
                    result
                )
            );
            if (result.Status == ThroughputResult.Failed)
                failures.Add($"{run}: {reason}");
        }
        if (failures.Count > 0)
            throw new ChainException(string.Join("; ", failures), recorded: true);
        return Task.CompletedTask;
    }
}
