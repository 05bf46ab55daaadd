namespace MaskBench.Tests.Architecture;

/// <summary>The direction of the product's folders, read from the sources (<see cref="NamespaceGraph"/>): the layers in
/// the data flow's order, each using only layers below it; no cycle; no stage using another stage; nothing using the
/// composition root; only the composition root using Reports. A known exception is listed exactly, with its reason, so
/// that a new one fails and a removed one must leave the list.</summary>
public sealed class ArchitectureSpecs
{
    static readonly NamespaceGraph Graph = NamespaceGraph.Of(Paths.Repository("src", "MaskBench"));

    /// <summary>Bottom to top: a folder may use its own layer and the layers before it.</summary>
    static readonly string[] Layers =
    [
        "Foundation",
        "Engine",
        "Model",
        "Tools",
        "History",
        "Stages",
        "Reports",
        "Workflows",
        "Benchmark",
        "Development",
    ];

    /// <summary>Edges against the layer order, each with the reason it stands.</summary>
    static readonly string[] Upward =
    [
        // the run record names the GPU facts and verdict records that nvidia-smi's reader defines
        "Model.Records -> Tools.Telemetry: Model/Records/ManifestFacts.cs",
        "Model.Records -> Tools.Telemetry: Model/Records/RunRecord.cs",
    ];

    static string Layer(string folder) => folder.Split('.')[0] is var top && top.Length > 0 ? top : "Foundation";

    [Fact]
    public void The_graph_is_read_from_the_sources()
    {
        Assert.Contains("Stages.Train", Graph.Uses["Benchmark"].Keys);
        Assert.Contains("Model.Logs", Graph.Uses["Model.Records"].Keys);
        Assert.Contains("Model.Logs.Formats", Graph.Uses["Model.Logs"].Keys);
    }

    [Fact]
    public void Every_folder_uses_only_its_own_layer_and_the_layers_below_it()
    {
        // Act
        var upward = Graph
            .Uses.SelectMany(u =>
                u.Value.Where(v => Array.IndexOf(Layers, Layer(v.Key)) > Array.IndexOf(Layers, Layer(u.Key)))
                    .SelectMany(v => v.Value.Select(file => $"{u.Key} -> {v.Key}: {file}"))
            )
            .Order(StringComparer.Ordinal)
            .ToList();

        // Assert
        Assert.All(Graph.Uses.Keys, folder => Assert.Contains(Layer(folder), Layers));
        Assert.True(upward.SequenceEqual(Upward), "edges against the layers:\n" + string.Join("\n", upward));
    }

    [Fact]
    public void No_stage_uses_another_stage_and_the_stages_kernel_uses_none()
    {
        // Act
        var crossing = Graph
            .Uses.Where(u => u.Key.StartsWith("Stages", StringComparison.Ordinal))
            .SelectMany(u =>
                u.Value.Keys.Where(v => v.StartsWith("Stages.", StringComparison.Ordinal) && Stage(v) != Stage(u.Key))
                    .Select(v => $"{u.Key} -> {v}")
            )
            .ToList();

        // Assert
        Assert.True(crossing.Count == 0, string.Join("\n", crossing));
    }

    static string Stage(string folder) => folder.Split('.') is { Length: > 1 } parts ? parts[1] : "";

    [Fact]
    public void Nothing_uses_the_composition_root_but_the_developers_targets_that_publish_it()
    {
        // Act: Development's Publish packs the root's program with the checkout it carries
        var users = Graph.UsersOf("Benchmark").Where(u => !u.StartsWith("Development:", StringComparison.Ordinal)).ToList();

        // Assert
        Assert.True(users.Count == 0, string.Join("\n", users));
    }

    [Fact]
    public void Only_the_composition_root_renders_with_Reports()
    {
        // Act
        var users = Graph
            .Uses.Where(u => Layer(u.Key) is not ("Reports" or "Benchmark"))
            .SelectMany(u => u.Value.Keys.Where(v => Layer(v) == "Reports").Select(v => $"{u.Key} -> {v}"))
            .ToList();

        // Assert
        Assert.True(users.Count == 0, string.Join("\n", users));
    }

    [Fact]
    public void No_two_folders_use_each_other_through_any_path()
    {
        // Act
        var cycles = Graph.Cycles();

        // Assert
        Assert.True(cycles.Count == 0, string.Join("\n", cycles));
    }

    [Fact]
    public void The_build_project_only_declares_in_at_most_350_lines()
    {
        // Act
        var lines = Directory.GetFiles(Paths.Repository("build"), "*.cs").Sum(file => File.ReadLines(file).Count());

        // Assert
        Assert.True(lines <= 350, $"build/ has {lines} lines: move what it does (not what it declares) into src/MaskBench");
    }
}
