namespace MaskBench.Model.Catalog;

/// <summary>The stack one implementation runs on, as <see cref="StackSelection"/> resolves it, or the reason it has none.</summary>
/// <param name="Name"><c>page</c> or <c>current</c>: named in every row and manifest.</param>
/// <param name="Environment">What Setup builds; null when <see cref="Unavailable"/>.</param>
/// <param name="Patches">The recipe's patches followed by the stack's own.</param>
/// <param name="Architectures">CUDA architectures (<c>sm_70</c>); empty: any GPU.</param>
internal sealed record SelectedStack(
    string Name,
    EnvironmentSpec? Environment,
    IReadOnlyList<PatchSpec> Patches,
    IReadOnlyList<string> Architectures,
    string? Constraints,
    BaseImageSpec? Base,
    string? Unavailable
)
{
    /// <summary>The tree the source must have after <see cref="Patches"/>; null: the recipe's own.</summary>
    public string? PatchedTree { get; init; }

    public bool Available => Unavailable is null;

    /// <summary>The recipe as Setup and Train take it on this stack: its environment and patches replaced.</summary>
    public Recipe ApplyTo(Recipe recipe) =>
        Environment is null
            ? throw new CatalogException($"{recipe.Id} has no '{Name}' stack: {Unavailable}")
            : recipe with
            {
                Environment = Environment with { Base = Base },
                Patches = Patches,
                PatchedTree = PatchedTree ?? recipe.PatchedTree,
            };

    /// <summary>Whether the stack runs on a GPU of this compute capability (<c>9.0</c>, as nvidia-smi prints it).</summary>
    public bool Supports(string computeCapability) =>
        Architectures.Count == 0 || Architectures.Contains(StackSelection.Architecture(computeCapability), StringComparer.Ordinal);
}
