using MaskBench.Foundation.Files;

namespace MaskBench.Tools.Environments;

/// <summary>The paths of a source tree a recipe names (data links, weight links, the working directory), resolved where
/// they are used through the tree's real links: a symbolic link committed upstream that leads out of the tree is
/// refused, naming the recipe's field, the path and the link, before anything is created, replaced or run there.</summary>
internal static class SourceTree
{
    /// <param name="field">The recipe's field, as the message names it: <c>field 'data.links' key 'datasets/coco'</c>.</param>
    /// <returns>The full path under <paramref name="source"/>.</returns>
    public static string Inside(string id, string source, string relative, LastComponent last, string field) =>
        ContainedPath.Escape(source, relative, last, "the source tree") is { } why
            ? throw new RunnerException(
                $"{id}: {field}: {why}: a link committed upstream may not lead MaskBench out of the tree; remove it with a patch, or name a path inside the tree in the recipe"
            )
            : Path.Combine(Path.GetFullPath(source), relative);
}
