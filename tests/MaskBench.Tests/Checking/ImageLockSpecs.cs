using MaskBench.Model.Catalog;

namespace MaskBench.Tests.Checking;

public class ImageLockSpecs
{
    [Fact]
    public void A_recipe_with_a_bad_stack_names_the_file_the_field_and_the_fix()
    {
        // Arrange
        var folder = Directory.CreateTempSubdirectory("maskbench-recipe-").FullName;
        var file = Path.Combine(folder, "broken.json");
        var text = File.ReadAllText(Paths.Repository("recipes", "mmdetection.json"))
            .Replace("\"id\": \"mmdetection\"", "\"id\": \"broken\"", StringComparison.Ordinal)
            .Replace("\"page\": {", "\"newest\": {", StringComparison.Ordinal)
            .Replace(
                "\"current\": { \"unavailable\": ",
                "\"current\": { \"architectures\": [\"80\"], \"constraints\": ",
                StringComparison.Ordinal
            );
        File.WriteAllText(file, text);

        // Act
        var error = Assert.ThrowsAny<CatalogException>(() => RecipeLoader.Load(file));

        // Assert
        Assert.StartsWith($"{file}: ", error.Message);
        Assert.Contains("field 'stacks.newest': name a stack page or current", error.Message);
        Assert.Contains("field 'stacks.current.architectures': give CUDA architectures like sm_70", error.Message);
        Assert.Contains(
            "field 'stacks.current.environment': give the stack's environment, or 'unavailable' with the reason",
            error.Message
        );
    }
}
