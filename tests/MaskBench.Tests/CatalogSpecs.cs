using MaskBench.Catalog;

namespace MaskBench.Tests;

public class CatalogSpecs
{
    [Fact]
    public void The_seven_recipes_of_the_page_load_in_the_page_order()
    {
        var catalog = RecipeCatalog.Load(Paths.Repository("recipes"));

        Assert.Equal(
            ["detectron2", "maskrcnn-benchmark", "mmdetection", "tensorpack", "simpledet", "detectron", "matterport"],
            catalog.All.Select(r => r.Id)
        );
    }
}
