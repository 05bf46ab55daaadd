using MaskBench.Engine;
using MaskBench.Foundation.Text;
using MaskBench.Model.Catalog;
using MaskBench.Model.Records;
using Serilog;

namespace MaskBench.Stages;

/// <summary>One stage of an implementation's chain (<c>Clone-Detectron2</c>, …): what it depends on, what its result
/// depends on, what it makes, and what it does. A stage that fails writes the record of every run it stops, so the
/// table shows the failure (and the engine writes no stamp).</summary>
internal abstract class ChainStage(StageContext context)
{
    protected StageContext Context => context;
    protected Workspace Workspace => context.Workspace;
    protected BenchmarkSettings Settings => context.Settings;

    /// <summary>Clone, Patch, Setup, Train or Parse.</summary>
    public abstract string Verb { get; }

    /// <summary>One target per run (Train, Parse) rather than one per implementation.</summary>
    public virtual bool PerRun => false;

    public IReadOnlyList<Step> Steps(Recipe recipe) =>
        PerRun ? [.. context.Runs(recipe).Select(run => new Step(recipe, run))] : [new Step(recipe, new RunKey(recipe.Id))];

    public string Name(Step step) => step.Name(Verb, PerRun);

    public abstract string Description(Step step);

    public virtual IReadOnlyList<string> DependsOn(Step step) => [];

    /// <summary>What the stage holds while it runs, and how many may hold it at once.</summary>
    public virtual IReadOnlyList<(string Name, int Capacity)> Resources => [];

    /// <summary>The stage's work runs elsewhere (a cluster's job) and only waits here: not bounded by <c>--jobs</c>,
    /// but by this pool's capacity. Null: it runs here.</summary>
    public virtual (string Pool, int Capacity)? Elsewhere => null;

    /// <summary>What the stage's result depends on besides its upstream outputs; cheap, and changes nothing.</summary>
    public abstract void Declare(FingerprintBuilder inputs, Step step);

    public abstract IReadOnlyList<TargetOutput> Outputs(Step step);

    public async Task RunAsync(Step step, CancellationToken cancellation)
    {
        try
        {
            await Body(step, cancellation);
        }
        catch (Exception e) when (cancellation.IsCancellationRequested)
        {
            // One contract, as CliWrap's: a stage stopped by cancellation is recorded as cancelled and surfaces as
            // cancellation, whatever its body made of it (a training's runner reports a cancelled run as a failure).
            foreach (var run in PerRun ? [step.Run] : context.Runs(step.Recipe))
                RecordFailure(run, Cancelled);
            throw e as OperationCanceledException ?? new OperationCanceledException(Cancelled, e, cancellation);
        }
        catch (Exception e) when (e is not ChainException { Recorded: true })
        {
            var reason = ReasonText.OneLine(e is OperationCanceledException ? Cancelled : e.Message);
            foreach (var run in PerRun ? [step.Run] : context.Runs(step.Recipe))
                RecordFailure(run, reason);
            throw;
        }
    }

    /// <summary>The reason a run's record gives when its stage was cancelled.</summary>
    public const string Cancelled = "cancelled";

    protected abstract Task Body(Step step, CancellationToken cancellation);

    /// <summary>Where a person finds the details of this stage's failure.</summary>
    protected virtual string LogOf(RunKey run) => context.BuildLog;

    protected void RecordFailure(RunKey run, string reason)
    {
        try
        {
            RunRecords.Write(Workspace.Record(run), RunRecordOf.Make(run, "failed", Verb, reason, LogOf(run)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Log.Error("{Run}: cannot record the failure in {Record}: {Message}", run, Workspace.Record(run), e.Message);
        }
    }
}
