using MaskBench.Model.Catalog;
using MaskBench.Tests.Running;
using MaskBench.Tools.Environments;

namespace MaskBench.Tests.Environments;

/// <summary>A source tree whose upstream committed a link out of it (<c>datasets -&gt; outside</c>, absolute or
/// relative): the recipe's data links and weight paths through it are refused, and nothing outside changes.</summary>
[Trait(Needs.Trait, Needs.Processes)]
public class EscapingLinkSpecs
{
    sealed class Tree : IDisposable
    {
        readonly FakeTraining scratch = new();
        public string Source { get; }
        public string Outside { get; }
        public string Coco { get; }
        public string LinkText { get; }

        public Tree(bool relative)
        {
            Source = Directory.CreateDirectory(Path.Combine(scratch.Root, "work", "fake", "source")).FullName;
            Outside = Directory.CreateDirectory(Path.Combine(scratch.Root, "outside")).FullName;
            Coco = Directory.CreateDirectory(Path.Combine(scratch.Root, "coco")).FullName;
            Directory.CreateDirectory(Path.Combine(Outside, "emptyvictim"));
            File.CreateSymbolicLink(Path.Combine(Outside, "victim-symlink"), "/etc/hostname");
            LinkText = relative ? Path.GetRelativePath(Source, Outside) : Outside;
            File.CreateSymbolicLink(Path.Combine(Source, "datasets"), LinkText);
        }

        public string[] OutsideNow() =>
            Directory
                .EnumerateFileSystemEntries(Outside)
                .Select(e => $"{Path.GetFileName(e)} {new FileInfo(e).LinkTarget ?? (Directory.Exists(e) ? "folder" : "file")}")
                .Order(StringComparer.Ordinal)
                .ToArray();

        public void Dispose() => scratch.Dispose();
    }

    static Recipe Fake(Dictionary<string, string> links, params WeightSpec[] weights)
    {
        var recipe = RecipeLoader.Load(Paths.Repository("recipes", "detectron2.json"));
        return recipe with { Data = recipe.Data with { Links = links }, Weights = weights };
    }

    static readonly string[] Untouched = ["emptyvictim folder", "victim-symlink /etc/hostname"];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_data_link_through_an_upstream_link_out_of_the_tree_is_refused_and_nothing_outside_changes(bool relative)
    {
        // Arrange
        using var tree = new Tree(relative);
        var recipe = Fake(
            new()
            {
                ["datasets/coco"] = ".",
                ["datasets/emptyvictim"] = ".",
                ["datasets/victim-symlink"] = ".",
            }
        );

        // Act
        var error = Assert.Throws<RunnerException>(() => DataLayout.Link(recipe, tree.Source, tree.Coco));

        // Assert
        Assert.Contains(
            $"field 'data.links' key 'datasets/coco': datasets is a link to {tree.LinkText}, outside the source tree {tree.Source}",
            error.Message
        );
        Assert.DoesNotContain('\n', error.Message);
        Assert.Equal(Untouched, tree.OutsideNow());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_weight_path_through_an_upstream_link_out_of_the_tree_is_refused_before_anything_is_fetched(bool relative)
    {
        // Arrange
        using var tree = new Tree(relative);
        var published = Path.Combine(tree.Coco, "R-50.pkl");
        File.WriteAllText(published, "weights");
        var weights = Path.Combine(tree.Source, "..", "weights");
        var recipe = Fake([], new WeightSpec("R-50.pkl", new Uri(published).AbsoluteUri, null, "datasets/weights-link"));

        // Act
        var error = await Assert.ThrowsAsync<RunnerException>(() => WeightsCache.EnsureAsync(recipe, weights, tree.Source));

        // Assert
        Assert.Contains($"field 'weights[0].path': datasets is a link to {tree.LinkText}, outside the source tree", error.Message);
        Assert.Equal(Untouched, tree.OutsideNow());
        Assert.False(File.Exists(Path.Combine(weights, "R-50.pkl")));
    }

    [Fact]
    public void A_data_link_that_is_itself_an_upstream_link_out_of_the_tree_is_replaced_inside_the_tree()
    {
        // Arrange
        using var tree = new Tree(relative: false);
        var recipe = Fake(new() { ["datasets"] = "." });

        // Act
        DataLayout.Link(recipe, tree.Source, tree.Coco);

        // Assert
        Assert.Equal(tree.Coco, new FileInfo(Path.Combine(tree.Source, "datasets")).LinkTarget);
        Assert.Equal(Untouched, tree.OutsideNow());
    }
}
