using MaskBench.Catalog;
using MaskBench.Checking;

namespace MaskBench.Tests.Checking;

public class ImageLockSpecs
{
    [Fact]
    public void Setup_builds_from_the_locked_digest_and_an_unpinned_image_keeps_its_tag()
    {
        // Arrange
        var folder = Directory.CreateTempSubdirectory("maskbench-lock-").FullName;
        var file = Path.Combine(folder, "base-images.lock");
        var digest = "sha256:" + new string('c', 64);
        File.WriteAllText(file, $"# images\nubuntu:18.04 {digest}\nnvcr.io/nvidia/tensorflow:23.03-tf1-py3 UNPINNED\n");
        var images = ImageLock.Read(file);

        // Act
        var cuda10 = images.PinnedArguments(File.ReadAllText(Paths.Repository("environments", "base", "cuda10.Dockerfile")));
        var ngc = images.PinnedArguments(File.ReadAllText(Paths.Repository("environments", "tensorpack", "current.Dockerfile")));

        // Assert
        Assert.Equal(new Dictionary<string, string> { ["UBUNTU_IMAGE"] = $"ubuntu:18.04@{digest}" }, cuda10);
        Assert.Empty(ngc);
        Assert.True(images.Lists("nvcr.io/nvidia/tensorflow:23.03-tf1-py3"));
        Assert.Null(images.Digest("nvcr.io/nvidia/tensorflow:23.03-tf1-py3"));
    }

    [Fact]
    public void A_recipe_with_a_bad_stack_names_the_file_the_field_and_the_fix()
    {
        // Arrange
        var folder = Directory.CreateTempSubdirectory("maskbench-recipe-").FullName;
        var file = Path.Combine(folder, "broken.json");
        var text = File.ReadAllText(Paths.Repository("recipes", "detectron2.json"))
            .Replace("\"id\": \"detectron2\"", "\"id\": \"broken\"", StringComparison.Ordinal)
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
