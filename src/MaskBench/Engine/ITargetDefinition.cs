namespace MaskBench.Engine;

/// <summary>NUKE's fluent target surface, plus what NUKE lacks: declared inputs and outputs for up-to-date
/// checks, and shared resources that bound how many targets use one thing at once.</summary>
internal interface ITargetDefinition
{
    ITargetDefinition Description(string description);

    /// <summary>Those targets run first, unless skipped; if one fails, this one does not run.</summary>
    ITargetDefinition DependsOn(params Target[] targets);

    ITargetDefinition DependsOn(params string[] targets);

    /// <summary>Ordering only: when both are scheduled, this one starts after those finished (whatever their outcome).</summary>
    ITargetDefinition After(params string[] targets);

    /// <summary>While this target runs it holds one slot of <paramref name="resource"/>, which has
    /// <paramref name="capacity"/> slots: targets using the same resource never run more at once than that
    /// (a GPU host: capacity 1, or one per GPU partition). Every target naming a resource must give it the same capacity.</summary>
    ITargetDefinition Uses(string resource, int capacity = 1);

    /// <summary>The target's work runs elsewhere (a job on a cluster, the build here only waits for it): it takes none of
    /// the local slots <c>--jobs</c> bounds, and holds one slot of <paramref name="pool"/> instead, of which
    /// <paramref name="capacity"/> may be in flight at once (<c>int.MaxValue</c>: no bound).</summary>
    ITargetDefinition RunsElsewhere(string pool, int capacity);

    /// <summary>Runs even when an earlier target failed (and after Ctrl-C), like NUKE's AssuredAfterFailure.</summary>
    ITargetDefinition AssuredAfterFailure();

    ITargetDefinition Unlisted();

    /// <summary>Skipped, in the plan and in the run alike, while <paramref name="whyNot"/> returns a reason (NUKE's
    /// <c>OnlyWhenStatic</c>, with the reason said); null: the target may run.</summary>
    ITargetDefinition OnlyWhenStatic(Func<string?> whyNot);

    /// <summary>What the target's result depends on; a change makes it stale. Computed before it runs and
    /// again at plan time, so it must be cheap and must not change anything.</summary>
    ITargetDefinition Inputs(Action<FingerprintBuilder> inputs);

    /// <summary>What the target makes; missing or changed output makes it stale.</summary>
    ITargetDefinition Produces(params TargetOutput[] outputs);

    ITargetDefinition Executes(Action action);

    ITargetDefinition Executes(Func<Task> action);

    /// <summary>An action that stops when the build is cancelled (Ctrl-C, SIGTERM): it is given the build's token.</summary>
    ITargetDefinition Executes(Func<CancellationToken, Task> action);
}
