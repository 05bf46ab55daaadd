using MaskBench.Benchmark;
using MaskBench.Engine;
using MaskBench.History;
using MaskBench.Model;
using MaskBench.Stages;
using MaskBench.Stages.Clone;
using MaskBench.Tests.History;
using Newtonsoft.Json.Linq;
using RunRecords = MaskBench.Model.Records.RunRecords;

namespace MaskBench.Tests.Chain;

[Trait(Needs.Trait, Needs.Processes)]
[Collection(Heavy.Processes)]
public sealed class PinSpecs
{
    static async Task RunChain(StageContext context)
    {
        var chain = new ChainTargets(context);
        var recipe = context.Catalog.Get("fake");
        foreach (var stage in chain.Stages)
            await stage.RunAsync(stage.Steps(recipe)[0], CancellationToken.None);
    }

    static IReadOnlyDictionary<string, string> CloneInputs(StageContext context)
    {
        var clone = new CloneStage(context);
        var inputs = new FingerprintBuilder();
        clone.Declare(inputs, clone.Steps(context.Catalog.Get("fake"))[0]);
        return inputs.Build();
    }

    [Fact(Timeout = 120_000)]
    public async Task A_user_can_pin_an_implementation_to_another_commit_and_that_commit_is_what_is_trained()
    {
        // Arrange: the recipe pins commit 0 (fast); commit 1 trains slower
        using var chain = SlowingChain.Step(fast: 1, slow: 1);
        var recipePin = chain.Context(repeats: 1);
        await RunChain(recipePin);
        var pinned = chain.Context(repeats: 1, pin: new PinnedCommit("fake", chain.Commits[1][..10]));

        // Act
        await RunChain(pinned);

        // Assert
        var run = new RunKey("fake");
        Assert.Equal(
            SlowingChain.Throughput(SlowingChain.Slow),
            RunRecords.Read(pinned.Workspace.Record(run)).Record!.Result!.Throughput!.Value,
            1
        );
        var manifest = JObject.Parse(File.ReadAllText(pinned.Workspace.RunFile(run, RunFiles.Manifest)));
        Assert.Contains(chain.Commits[1], manifest.ToString());
        var history = new HistoryStore(pinned.Workspace.History).ReadAll().Records;
        Assert.Equal([chain.Commits[0], chain.Commits[1]], history.OrderBy(r => r.Recorded).Select(r => r.Commit));
        Assert.Equal(chain.Commits[1][..10], CloneInputs(pinned)["pin"]); // the pin is in Clone's stamp: changing it reruns the chain
        Assert.Equal(chain.Commits[0], CloneInputs(recipePin)["pin"]);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_pin_to_an_unknown_commit_fails_Clone_in_one_line_naming_the_option()
    {
        // Arrange
        using var chain = SlowingChain.Step(fast: 1, slow: 0);
        var context = chain.Context(repeats: 1, pin: new PinnedCommit("fake", "deadbeef"));
        var clone = new CloneStage(context);

        // Act
        var error = await Assert.ThrowsAsync<ChainException>(() => clone.RunAsync(clone.Steps(context.Catalog.Get("fake"))[0], default));

        // Assert
        Assert.StartsWith("--pin: the commit deadbeef is not in", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void A_pin_names_one_implementation_and_a_commit()
    {
        // Arrange
        var none = new Dictionary<string, string>();

        // Act
        var several = Assert.Throws<ChainException>(() => PinnedCommit.From("2f3c9a1", none, ["detectron2", "mmdetection"]));
        var unnamed = Assert.Throws<ChainException>(() => PinnedCommit.From("2f3c9a1", none, []));
        var notHex = Assert.Throws<ChainException>(() => PinnedCommit.From("main", none, ["detectron2"]));
        var disagree = Assert.Throws<ChainException>(() =>
            PinnedCommit.From("2f3c9a1", new Dictionary<string, string> { ["pin"] = "abcd" }, ["detectron2"])
        );
        var set = PinnedCommit.From(null, new Dictionary<string, string> { ["pin"] = "2f3c9a1", ["batch"] = "8" }, ["detectron2"]);

        // Assert
        Assert.Contains("--implementations names 2 (detectron2, mmdetection): name one", several.Message);
        Assert.Contains("name it with --implementations <id>", unnamed.Message);
        Assert.StartsWith("--pin: 'main' is not a commit hash", notHex.Message);
        Assert.Contains("disagree", disagree.Message);
        Assert.Equal(new PinnedCommit("detectron2", "2f3c9a1"), set);
        Assert.Equal(["batch"], PinnedCommit.WithoutPin(new Dictionary<string, string> { ["pin"] = "2f3c9a1", ["batch"] = "8" }).Keys);
        Assert.Null(PinnedCommit.From(null, none, ["detectron2", "mmdetection"]));
    }
}
