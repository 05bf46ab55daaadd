namespace MaskBench.Model.Catalog;

/// <summary>Picks the stack an implementation is built on: <c>page</c> (the benchmark page's, the default) or
/// <c>current</c> (one for today's GPUs, where the public record shows a path).</summary>
internal static class StackSelection
{
    public const string Page = "page";
    public const string Current = "current";
    public static IReadOnlyList<string> Names { get; } = [Page, Current];

    /// <summary>The stack named <paramref name="name"/> for the recipe; when the recipe has none by that name,
    /// the result says why (<see cref="SelectedStack.Unavailable"/>). A recipe without <c>stacks</c> runs its
    /// one environment under either name, on any GPU.</summary>
    public static SelectedStack Select(Recipe recipe, string name)
    {
        if (!Names.Contains(name, StringComparer.Ordinal))
            throw new CatalogException($"unknown stack '{name}': use --stacks {string.Join("|", Names)}");
        if (recipe.Stacks.Count == 0)
            return new SelectedStack(name, recipe.Environment, recipe.Patches, [], null, null, null);
        if (!recipe.Stacks.TryGetValue(name, out var stack))
            return Unavailable(recipe, name, $"{recipe.File} defines no '{name}' stack");
        if (stack.Unavailable is { } reason)
            return Unavailable(recipe, name, reason);
        return new SelectedStack(
            name,
            stack.Environment ?? recipe.Environment,
            [.. recipe.Patches, .. stack.Patches ?? []],
            stack.Architectures ?? [],
            stack.Constraints,
            stack.Base,
            null
        )
        {
            PatchedTree = stack.PatchedTree,
        };
    }

    /// <summary><c>9.0</c> → <c>sm_90</c>; <c>7.5</c> → <c>sm_75</c>.</summary>
    public static string Architecture(string computeCapability) =>
        "sm_" + computeCapability.Trim().Replace(".", "", StringComparison.Ordinal);

    static SelectedStack Unavailable(Recipe recipe, string name, string reason) => new(name, null, recipe.Patches, [], null, null, reason);
}
