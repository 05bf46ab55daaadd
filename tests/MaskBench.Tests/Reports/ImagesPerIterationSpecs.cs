using MaskBench.Model.Catalog;
using MaskBench.Reports;

namespace MaskBench.Tests.Reports;

public class ImagesPerIterationSpecs
{
    readonly RecipeCatalog catalog = RecipeCatalog.Load(Paths.Repository("recipes"));

    [Fact]
    public void A_reader_compares_images_per_iteration_in_one_unit_the_global_batch()
    {
        // Act: on the page's 8 GPUs, recipes that give a batch per GPU and those that give the global batch
        var images = new[] { "detectron2", "mmdetection", "matterport", "tensorpack" }.ToDictionary(
            id => id,
            id => catalog.Get(id).ImagesPerIteration(8)
        );

        // Assert: 2 per GPU × 8 is the same 16 as a global 16; tensorpack's one per GPU is 8
        Assert.Equal(16, images["detectron2"]);
        Assert.Equal(16, images["mmdetection"]);
        Assert.Equal(16, images["matterport"]);
        Assert.Equal(8, images["tensorpack"]);
    }

    [Fact]
    public void The_table_and_the_report_say_the_unit_of_images_per_iteration()
    {
        // Act
        var markdown = BenchmarkTable.Markdown([]);
        var html = HtmlReport.Html([], DateTimeOffset.UnixEpoch);

        // Assert
        Assert.Contains("| Images/iteration (all GPUs) |", markdown);
        Assert.Contains("Images per iteration are the global batch", markdown);
        Assert.Contains("<th>images/iteration<br>(all GPUs)</th>", html);
        Assert.Contains("Images per iteration are the global batch", html);
    }
}
