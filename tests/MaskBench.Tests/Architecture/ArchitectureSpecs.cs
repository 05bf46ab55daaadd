namespace MaskBench.Tests.Architecture;

/// <summary>The direction of the product's folders, read from the sources (<see cref="NamespaceGraph"/>): no cycle,
/// nothing uses the composition root, only it uses Reports. The one known exception is listed with the issue that
/// removes it, exactly, so that a new one fails and a removed one must leave the list.</summary>
public sealed class ArchitectureSpecs
{
    static readonly NamespaceGraph Graph = NamespaceGraph.Of(Paths.Repository("src", "MaskBench"));

    [Fact]
    public void The_graph_is_read_from_the_sources()
    {
        Assert.Contains("Reports", Graph.Uses["Chain"].Keys);
        Assert.Contains("Parsing", Graph.Uses["Results"].Keys);
    }

    [Fact]
    public void Nothing_below_the_composition_root_uses_Chain()
    {
        Assert.Empty(Graph.UsersOf("Chain"));
    }

    [Fact]
    public void Only_the_composition_root_uses_Reports_but_History_which_issue_20_moves()
    {
        // Act
        var users = Graph.UsersOf("Reports").Where(u => !u.StartsWith("Chain: ", StringComparison.Ordinal)).ToList();

        // Assert: History renders its Markdown with Reports' number formats (issue 20 moves that rendering into Reports).
        Assert.Equal(["History: History/Bisect/BisectResult.cs", "History: History/ComparisonReport.cs"], users);
    }

    [Fact]
    public void No_two_folders_use_each_other_through_any_path()
    {
        // Act
        var cycles = Graph.Cycles();

        // Assert
        Assert.Empty(cycles);
    }
}
