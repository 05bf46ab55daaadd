using MaskBench.Foundation.Text;

namespace MaskBench.Model.Catalog;

/// <summary>All recipes under <c>recipes/</c>, in a stable order (the page's order, then by id).</summary>
internal sealed class RecipeCatalog
{
    public IReadOnlyList<Recipe> All { get; }

    RecipeCatalog(IReadOnlyList<Recipe> all) => All = all;

    public static RecipeCatalog Load(string directory)
    {
        if (!Directory.Exists(directory))
            throw new CatalogException($"no recipe folder at {directory}: run from the MaskBench root, or pass --root");
        var recipes = Directory
            .GetFiles(directory, "*.json")
            .Select(RecipeLoader.Load)
            .OrderByDescending(r => r.Published ?? -1)
            .ThenBy(r => r.Id, StringComparer.Ordinal)
            .ToList();
        return new RecipeCatalog(recipes);
    }

    public Recipe Get(string id) =>
        All.FirstOrDefault(r => r.Id == id)
        ?? throw new CatalogException(
            $"unknown implementation '{id}'"
                + Suggest.Nearest(id, All.Select(r => r.Id)).Format()
                + $"; known: {string.Join(", ", All.Select(r => r.Id))}"
        );

    /// <summary>The recipes named by <c>--implementations</c>, or all of them when none is named.</summary>
    public IReadOnlyList<Recipe> Select(IReadOnlyList<string>? ids) =>
        ids is null || ids.Count == 0 ? All : ids.Select(Get).Distinct().ToList();
}
