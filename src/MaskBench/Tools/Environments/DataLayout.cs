using MaskBench.Foundation.Files;
using MaskBench.Model.Catalog;
using Serilog;

namespace MaskBench.Tools.Environments;

/// <summary>Lays the COCO folder out as an implementation expects (symlinks in its source tree:
/// <c>datasets/coco</c>, <c>data/coco</c>, …) and runs its preprocessing once.</summary>
internal static class DataLayout
{
    const string PreparedMarker = ".maskbench-data-prepared";

    public static IReadOnlyList<string> Link(Recipe recipe, string sourceDirectory, string coco)
    {
        // Every link is checked before the first is made: a refused one leaves the tree as it was.
        var links = recipe
            .Data.Links.OrderBy(l => l.Key, StringComparer.Ordinal)
            .Select(l =>
                (
                    Link: SourceTree.Inside(recipe.Id, sourceDirectory, l.Key, LastComponent.Replaced, $"field 'data.links' key '{l.Key}'"),
                    Target: Path.GetFullPath(Path.Combine(coco, l.Value))
                )
            )
            .ToList();
        foreach (var (link, target) in links)
            SymbolicLinks.Replace(link, target, emptyFolderToo: true);
        return links.Select(l => l.Link).ToList();
    }

    /// <summary>Runs the recipe's preprocessing (SimpleDet's roidb) in the environment, once per COCO folder:
    /// a marker in the source tree remembers the command and the folder it ran for.</summary>
    public static async Task<bool> PrepareAsync(
        Recipe recipe,
        IExecutionHost host,
        string sourceDirectory,
        string coco,
        CancellationToken cancellation = default
    )
    {
        if (recipe.Data.Prepare.Count == 0)
            return false;
        var marker = Path.Combine(sourceDirectory, PreparedMarker);
        var key = Hashing.Text(string.Join("\n", [Path.GetFullPath(coco), .. recipe.Data.Prepare]));
        if (File.Exists(marker) && File.ReadAllText(marker).Trim() == key)
        {
            Log.Information("{Id}: the data preprocessing already ran for {Coco}", recipe.Id, coco);
            return false;
        }
        var spec = new ProcessSpec(
            recipe.Data.Prepare,
            Path.GetFullPath(sourceDirectory),
            new Dictionary<string, string> { ["PYTHONUNBUFFERED"] = "1" }
        );
        var what = $"Prepare data for {recipe.TargetSuffix}";
        var options = new ProcessOptions
        {
            What = what,
            Name = $"maskbench-prepare-{recipe.Id}-{Guid.NewGuid():N}"[..40],
            Timeout = TimeSpan.FromHours(2),
            LogLines = true,
        };
        (await ProcessRunner.RunAsync(host, spec, options, cancellation)).EnsureSuccess();
        AtomicFile.WriteAllText(marker, key + "\n");
        return true;
    }
}
