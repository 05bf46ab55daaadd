using MaskBench.Foundation.Files;

namespace MaskBench.Tests.Files;

public sealed class ContainedPathSpecs : IDisposable
{
    readonly string scratch = Directory.CreateTempSubdirectory("maskbench-contained-").FullName;

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    [Fact]
    public void A_link_whose_target_climbs_through_another_link_is_resolved_where_the_kernel_resolves_it()
    {
        // Arrange: b -> a/..  climbs from where a really is (outside/deep), not from the tree
        var tree = Directory.CreateDirectory(Path.Combine(scratch, "tree")).FullName;
        var deep = Directory.CreateDirectory(Path.Combine(scratch, "outside", "deep")).FullName;
        File.CreateSymbolicLink(Path.Combine(tree, "a"), deep);
        File.CreateSymbolicLink(Path.Combine(tree, "b"), "a/..");

        // Act
        var why = ContainedPath.Escape(tree, "b/file", LastComponent.Followed, "the source tree");

        // Assert
        Assert.Equal(Path.Combine(scratch, "outside"), RealPath.Of(Path.Combine(tree, "b")));
        Assert.Equal($"b is a link to a/.., outside the source tree {tree}", why);
    }

    [Fact]
    public void A_link_inside_the_tree_and_a_path_not_made_yet_stay_inside()
    {
        // Arrange
        var tree = Directory.CreateDirectory(Path.Combine(scratch, "tree", "real")).Parent!.FullName;
        File.CreateSymbolicLink(Path.Combine(tree, "alias"), "real");

        // Act
        var why = ContainedPath.Escape(tree, "alias/not/yet/made", LastComponent.Followed, "the source tree");

        // Assert
        Assert.Null(why);
    }
}
