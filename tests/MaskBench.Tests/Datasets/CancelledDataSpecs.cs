using MaskBench.Stages.Data;
using MaskBench.Tests.Chain;

namespace MaskBench.Tests.Datasets;

/// <summary>Ctrl-C or SIGTERM during Data: the generation stops within an image and leaves no dataset that looks
/// finished. The cancellation comes from the count of images written, never from a time.</summary>
[Trait(Needs.Trait, Needs.Processes)]
public sealed class CancelledDataSpecs
{
    [Fact(Timeout = 60_000)]
    public async Task A_user_can_cancel_Data_and_no_finished_dataset_is_left_behind()
    {
        // Arrange: a large dataset, cancelled once three images are written
        using var bench = new ChainBench();
        var context = bench.Context(settings: bench.Settings() with { SyntheticImages = 100_000 });
        using var cancel = new CancellationTokenSource();
        var written = 0;
        var stage = new DataStage(context)
        {
            OnImage = count =>
            {
                written = count;
                if (count == 3)
                    cancel.Cancel();
            },
        };

        // Act
        var run = stage.RunAsync(cancel.Token);

        // Assert
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.Equal(3, written);
        Assert.False(Directory.Exists(context.Workspace.SyntheticCoco), "a cancelled generation is no dataset");
        Assert.False(Directory.Exists(context.Workspace.SyntheticCoco + ".partial"), "the partial images are removed");
    }

    [Fact]
    public void A_cancelled_generation_writes_no_annotations()
    {
        // Arrange
        var folder = Path.Combine(Directory.CreateTempSubdirectory("maskbench-coco-").FullName, "coco");
        using var cancel = new CancellationTokenSource();

        // Act
        var error = Record.Exception(() =>
            new SyntheticCoco(Images: 50, Width: 96, Height: 64).Write(
                folder,
                cancel.Token,
                count =>
                {
                    if (count == 2)
                        cancel.Cancel();
                }
            )
        );

        // Assert
        Assert.IsAssignableFrom<OperationCanceledException>(error);
        Assert.Equal(2, Directory.GetFiles(Path.Combine(folder, "train2017")).Length);
        Assert.False(File.Exists(Path.Combine(folder, "annotations", "instances_train2017.json")));
        Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
    }
}
