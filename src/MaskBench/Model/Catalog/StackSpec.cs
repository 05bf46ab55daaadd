namespace MaskBench.Model.Catalog;

/// <summary>One software stack a recipe can be built on (<c>page</c>: the benchmark page's; <c>current</c>: one for
/// today's GPUs), as recipe data under <c>stacks</c>.</summary>
/// <param name="Architectures">The CUDA architectures the stack's frameworks run on (<c>sm_70</c>, …); empty: any GPU.</param>
/// <param name="Constraints">The pip constraints file (every requirement pinned with <c>==</c>), relative to the MaskBench root.</param>
/// <param name="Base">A base image MaskBench builds itself before the environment (the CUDA 10 bases NVIDIA deleted).</param>
/// <param name="Environment">The stack's own environment; null: the recipe's <c>environment</c> (the page's).</param>
/// <param name="Patches">Patches applied after the recipe's own, for this stack only (under <c>patches/&lt;id&gt;/&lt;stack&gt;/</c>).</param>
/// <param name="Unavailable">Why this implementation has no such stack (printed instead of failing at Setup); null: it has one.</param>
internal sealed record StackSpec(
    IReadOnlyList<string>? Architectures,
    string? Constraints,
    BaseImageSpec? Base,
    EnvironmentSpec? Environment,
    IReadOnlyList<PatchSpec>? Patches,
    string? Unavailable
)
{
    /// <summary>The tree the source must have after the recipe's patches and the stack's (see <see cref="Recipe.PatchedTree"/>).</summary>
    public string? PatchedTree { get; init; }
}

/// <param name="Recipe">The base image's Dockerfile, or a root recipe (<c>.json</c>, see <c>RootImage</c>), relative to the MaskBench root.</param>
/// <param name="Image">The tag the base is built as; the environment's Dockerfile starts <c>FROM</c> it.</param>
/// <param name="Arguments">Build arguments of the base's Dockerfile.</param>
internal sealed record BaseImageSpec(string Recipe, string Image, IReadOnlyDictionary<string, string>? Arguments)
{
    /// <summary>The base this one is built on, built before it: a chain of any length (a root, a CUDA layer, …).</summary>
    public BaseImageSpec? Base { get; init; }

    /// <summary>Named build contexts (<c>--build-context NAME=DIR</c>), folders relative to the MaskBench root.</summary>
    public IReadOnlyDictionary<string, string>? Contexts { get; init; }

    /// <summary>This base and those under it, the lowest first: the order they are built in.</summary>
    public IReadOnlyList<BaseImageSpec> Chain() => [.. Base?.Chain() ?? [], this];
}
