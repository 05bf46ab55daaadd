namespace MaskBench.Engine;

/// <summary>A target as the engine runs it: its relations by name, the resources it holds, its inputs, outputs and action.</summary>
/// <param name="Elsewhere">Its work runs elsewhere (a cluster's job): it takes none of <c>--jobs</c>' local slots.</param>
internal sealed record ExecutableTarget(
    string Name,
    string Description,
    IReadOnlyList<string> DependsOn,
    IReadOnlyList<string> After,
    IReadOnlyList<ResourceUse> Uses,
    IReadOnlyList<TargetOutput> Outputs,
    Action<FingerprintBuilder>? Inputs,
    Func<CancellationToken, Task>? Action,
    bool Assured,
    bool Listed,
    bool Elsewhere = false
)
{
    /// <summary>Why it cannot run (<see cref="ITargetDefinition.OnlyWhenStatic"/>); null, or returning null: it may.</summary>
    public Func<string?>? WhyNot { get; init; }

    /// <summary>A target with declared inputs or outputs is checked and stamped; others always run, as in NUKE.</summary>
    public bool IsTracked => Inputs is not null || Outputs.Count > 0;

    /// <summary>The inputs as they are now, with the upstream targets' output identities added.</summary>
    public IReadOnlyDictionary<string, string> Fingerprint(Func<string, string?> upstreamOutputs)
    {
        var builder = new FingerprintBuilder();
        Inputs?.Invoke(builder);
        foreach (var dependency in DependsOn)
            if (upstreamOutputs(dependency) is { } identity)
                builder.Value($"output of {dependency}", identity);
        return builder.Build();
    }

    public IReadOnlyDictionary<string, string?> OutputIdentities() =>
        Outputs.ToDictionary(o => o.Name, o => o.Identity(), StringComparer.Ordinal);
}
