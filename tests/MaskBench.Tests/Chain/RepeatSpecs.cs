using MaskBench.Benchmark;
using MaskBench.Model.Catalog;
using MaskBench.Stages;
using MaskBench.Stages.Train;

namespace MaskBench.Tests.Chain;

public sealed class RepeatSpecs
{
    static ChainTargets Chain(int repeats, int seed)
    {
        var settings = PageSettings.Of(repeats, seed);
        var catalog = RecipeCatalog.Load(Paths.Repository("recipes"));
        return new ChainTargets(new StageContext(Workspace.Under(Paths.Root), settings, catalog, new LocalExecutor(), "build.log"));
    }

    [Fact]
    public void Each_repeat_is_a_run_of_its_own_with_its_own_targets()
    {
        // Act
        var names = Chain(repeats: 3, seed: 1).Targets(() => CancellationToken.None).Select(t => t.Name).ToList();

        // Assert
        Assert.Contains("Train-Detectron2", names);
        Assert.Contains("Train-Detectron2-2", names);
        Assert.Contains("Parse-Detectron2-3", names);
        Assert.DoesNotContain("Train-Detectron2-4", names);
        Assert.Single(names, n => n == "Setup-Detectron2");
    }

    [Fact]
    public void Repeated_runs_are_interleaved_across_implementations_in_an_order_the_seed_fixes()
    {
        // Act
        var order = Chain(repeats: 3, seed: 7).TrainingOrder.Select(s => s.Run).ToList();
        var again = Chain(repeats: 3, seed: 7).TrainingOrder.Select(s => s.Run).ToList();
        var other = Chain(repeats: 3, seed: 8).TrainingOrder.Select(s => s.Run).ToList();

        // Assert
        Assert.Equal(order, again);
        Assert.NotEqual(order, other);
        Assert.Equal(order.Count, order.Distinct().Count());
        Assert.Equal(8 * 3, order.Count);
        var firstThree = order.Take(3).Select(r => r.Implementation).Distinct().Count();
        var blocks = order.Zip(order.Skip(1)).Count(pair => pair.First.Implementation != pair.Second.Implementation);
        Assert.True(blocks > 8, $"the runs of an implementation come in blocks: {string.Join(", ", order)}");
        Assert.True(firstThree > 1);
    }
}
