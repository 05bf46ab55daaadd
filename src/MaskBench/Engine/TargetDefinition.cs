namespace MaskBench.Engine;

/// <summary>Collects one target's fluent declaration, then freezes it into an <see cref="ExecutableTarget"/>.</summary>
sealed class TargetDefinition(string name, Func<Target, string> nameOf) : ITargetDefinition
{
    string description = "";
    readonly List<string> dependsOn = [];
    readonly List<string> after = [];
    readonly List<ResourceUse> uses = [];
    readonly List<TargetOutput> outputs = [];
    Action<FingerprintBuilder>? inputs;
    Func<CancellationToken, Task>? action;
    bool assured;
    bool listed = true;
    bool elsewhere;
    Func<string?>? whyNot;

    public ITargetDefinition Description(string text) => Set(() => description = text);

    public ITargetDefinition DependsOn(params Target[] targets) => Set(() => dependsOn.AddRange(targets.Select(nameOf)));

    public ITargetDefinition DependsOn(params string[] targets) => Set(() => dependsOn.AddRange(targets));

    public ITargetDefinition After(params string[] targets) => Set(() => after.AddRange(targets));

    public ITargetDefinition Uses(string resource, int capacity = 1) =>
        capacity >= 1
            ? Set(() => uses.Add(new ResourceUse(resource, capacity)))
            : throw new BuildException($"target '{name}' uses '{resource}' with capacity {capacity}: a resource has at least one slot");

    public ITargetDefinition RunsElsewhere(string pool, int capacity)
    {
        Uses(pool, capacity);
        return Set(() => elsewhere = true);
    }

    public ITargetDefinition AssuredAfterFailure() => Set(() => assured = true);

    public ITargetDefinition Unlisted() => Set(() => listed = false);

    public ITargetDefinition OnlyWhenStatic(Func<string?> reason) => Set(() => whyNot = reason);

    public ITargetDefinition Inputs(Action<FingerprintBuilder> declare) => Set(() => inputs += declare);

    public ITargetDefinition Produces(params TargetOutput[] made) => Set(() => outputs.AddRange(made));

    public ITargetDefinition Executes(Action run) =>
        Executes(_ =>
        {
            run();
            return Task.CompletedTask;
        });

    public ITargetDefinition Executes(Func<Task> run) => Executes(_ => run());

    public ITargetDefinition Executes(Func<CancellationToken, Task> run) =>
        Set(() =>
        {
            var before = action;
            action = before is null
                ? run
                : async token =>
                {
                    await before(token);
                    await run(token);
                };
        });

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
            uses.DistinctBy(u => u.Resource).ToList(),
            outputs,
            inputs,
            action,
            assured,
            listed,
            elsewhere
        )
        {
            WhyNot = whyNot,
        };
}
