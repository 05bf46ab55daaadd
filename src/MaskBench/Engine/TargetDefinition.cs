namespace MaskBench.Engine;

/// <summary>Collects one target's fluent declaration, then freezes it into an <see cref="ExecutableTarget"/>.</summary>
sealed class TargetDefinition(string name, Func<Target, string> nameOf) : ITargetDefinition
{
    string description = "";
    readonly List<string> dependsOn = [];
    readonly List<string> dependentFor = [];
    readonly List<string> after = [];
    readonly List<string> before = [];
    readonly List<string> triggers = [];
    readonly List<string> triggeredBy = [];
    readonly List<(Func<bool> Condition, string Because)> conditions = [];
    readonly List<TargetOutput> outputs = [];
    Action<FingerprintBuilder>? inputs;
    Func<Task>? action;
    bool assured;
    bool listed = true;

    public ITargetDefinition Description(string text) => Set(() => description = text);

    public ITargetDefinition DependsOn(params Target[] targets) => Set(() => dependsOn.AddRange(targets.Select(nameOf)));

    public ITargetDefinition DependsOn(params string[] targets) => Set(() => dependsOn.AddRange(targets));

    public ITargetDefinition DependentFor(params string[] targets) => Set(() => dependentFor.AddRange(targets));

    public ITargetDefinition After(params string[] targets) => Set(() => after.AddRange(targets));

    public ITargetDefinition Before(params string[] targets) => Set(() => before.AddRange(targets));

    public ITargetDefinition Triggers(params string[] targets) => Set(() => triggers.AddRange(targets));

    public ITargetDefinition TriggeredBy(params string[] targets) => Set(() => triggeredBy.AddRange(targets));

    public ITargetDefinition OnlyWhenStatic(Func<bool> condition, string because) => Set(() => conditions.Add((condition, because)));

    public ITargetDefinition AssuredAfterFailure() => Set(() => assured = true);

    public ITargetDefinition Unlisted() => Set(() => listed = false);

    public ITargetDefinition Inputs(Action<FingerprintBuilder> declare) => Set(() => inputs += declare);

    public ITargetDefinition Produces(params TargetOutput[] made) => Set(() => outputs.AddRange(made));

    public ITargetDefinition Executes(Action run) =>
        Executes(() =>
        {
            run();
            return Task.CompletedTask;
        });

    public ITargetDefinition Executes(Func<Task> run) => Set(() => action += run);

    ITargetDefinition Set(Action change)
    {
        change();
        return this;
    }

    public ExecutableTarget Freeze() =>
        new(
            name,
            description,
            dependsOn.Distinct().ToList(),
            after.Distinct().ToList(),
            before.Distinct().ToList(),
            triggers.Distinct().ToList(),
            conditions,
            outputs,
            inputs,
            action,
            assured,
            listed
        )
        {
            DependentFor = dependentFor,
            TriggeredBy = triggeredBy,
        };
}
