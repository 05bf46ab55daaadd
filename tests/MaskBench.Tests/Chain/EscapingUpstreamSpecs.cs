using MaskBench.Benchmark;
using MaskBench.Stages;

namespace MaskBench.Tests.Chain;

/// <summary>An upstream repository that commits a link out of its tree (the fault probe's <c>fakeevil</c>): the chain
/// clones, patches and sets it up, and Train refuses before the trainer runs there or anything is linked.</summary>
[Trait(Needs.Trait, Needs.Processes)]
[Collection(Heavy.Processes)]
public sealed class EscapingUpstreamSpecs
{
    [Fact(Timeout = 120_000)]
    public async Task A_working_directory_through_an_upstream_link_out_of_the_tree_is_refused_before_the_trainer_starts()
    {
        // Arrange
        using var bench = new ChainBench();
        var outside = Directory.CreateDirectory(Path.Combine(bench.Root, "..", "outside")).FullName;
        var climbing = Path.GetRelativePath(bench.Workspace.Source("fake"), outside);
        bench.Upstream(
            recipe =>
                recipe
                    .Replace("\"workingDirectory\": \".\"", "\"workingDirectory\": \"datasets\"")
                    .Replace("\"links\": {}", "\"links\": { \"datasets/coco\": \".\" }"),
            ("datasets", climbing)
        );
        var context = bench.Context();
        var chain = new ChainTargets(context);
        var recipe = bench.Fake(context);
        foreach (var stage in new[] { "Clone", "Patch", "Setup" }.Select(chain.Stage))
            await stage.RunAsync(stage.Steps(recipe)[0], CancellationToken.None);
        var train = chain.Stage("Train");

        // Act
        var error = await Assert.ThrowsAnyAsync<MaskBenchException>(() => train.RunAsync(train.Steps(recipe)[0], CancellationToken.None));

        // Assert
        Assert.Contains($"fake: field 'workingDirectory': datasets is a link to {climbing}, outside the source tree", error.Message);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Empty(Directory.EnumerateFileSystemEntries(outside));
        Assert.False(Directory.Exists(context.Workspace.Outputs("fake"))); // the trainer never started
    }
}
