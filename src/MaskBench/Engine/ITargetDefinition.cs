namespace MaskBench.Engine;

/// <summary>NUKE's fluent target surface, plus what NUKE lacks: declared inputs and outputs for up-to-date checks.</summary>
public interface ITargetDefinition
{
    ITargetDefinition Description(string description);

    /// <summary>Those targets run first, unless skipped; if one fails, this one does not run.</summary>
    ITargetDefinition DependsOn(params Target[] targets);

    ITargetDefinition DependsOn(params string[] targets);

    /// <summary>This target runs before those, which depend on it.</summary>
    ITargetDefinition DependentFor(params string[] targets);

    /// <summary>Ordering only: when both are scheduled, this one runs after those.</summary>
    ITargetDefinition After(params string[] targets);

    ITargetDefinition Before(params string[] targets);

    /// <summary>Those targets are scheduled when this one succeeds.</summary>
    ITargetDefinition Triggers(params string[] targets);

    ITargetDefinition TriggeredBy(params string[] targets);

    ITargetDefinition OnlyWhenStatic(Func<bool> condition, string because);

    /// <summary>Runs even when an earlier target failed (and after Ctrl-C), like NUKE's AssuredAfterFailure.</summary>
    ITargetDefinition AssuredAfterFailure();

    ITargetDefinition Unlisted();

    /// <summary>What the target's result depends on; a change makes it stale. Computed before it runs and
    /// again at plan time, so it must be cheap and must not change anything.</summary>
    ITargetDefinition Inputs(Action<FingerprintBuilder> inputs);

    /// <summary>What the target makes; missing or changed output makes it stale.</summary>
    ITargetDefinition Produces(params TargetOutput[] outputs);

    ITargetDefinition Executes(Action action);

    ITargetDefinition Executes(Func<Task> action);
}
