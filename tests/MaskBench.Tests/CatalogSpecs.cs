using CliWrap;
using CliWrap.Buffered;
using MaskBench.Catalog;

namespace MaskBench.Tests;

public class CatalogSpecs
{
    static readonly RecipeCatalog Catalog = RecipeCatalog.Load(Paths.Repository("recipes"));

    [Fact]
    public void The_recipes_of_the_page_and_MaskBench_own_load_fastest_published_first()
    {
        // Act
        var ids = Catalog.All.Select(r => r.Id);

        // Assert
        Assert.Equal(
            ["detectron2", "maskrcnn-benchmark", "mmdetection", "tensorpack", "simpledet", "detectron", "matterport", "torchvision"],
            ids
        );
        Assert.Equal([62, 53, 53, 50, 39, 19, 14], Catalog.All.Where(r => r.Published is not null).Select(r => r.Published!.Value));
    }

    [Fact]
    public void Images_per_iteration_follow_the_page_on_eight_GPUs()
    {
        // Act
        var images = Catalog.All.Where(r => r.Published is not null).ToDictionary(r => r.Id, r => r.ImagesPerIteration(8));

        // Assert: 16 everywhere but tensorpack, which trains one image per GPU
        Assert.All(images.Where(i => i.Key != "tensorpack"), i => Assert.Equal(16, i.Value));
        Assert.Equal(8, images["tensorpack"]);
    }

    [Fact]
    public async Task The_torchvision_recipe_pins_the_last_commit_that_changed_its_trainer()
    {
        // Arrange
        var git = await Cli.Wrap("git")
            .WithArguments(["log", "-1", "--format=%H", "--", "trainers/torchvision"])
            .WithWorkingDirectory(Paths.Root)
            .ExecuteBufferedAsync();

        // Act
        var pin = Catalog.Get("torchvision").Source.Pin;

        // Assert: edit trainers/torchvision, commit, then pin that commit in recipes/torchvision.json
        Assert.Equal(git.StandardOutput.Trim(), pin);
    }

    [Fact]
    public void A_recipe_with_a_bad_field_names_the_file_the_field_and_the_fix()
    {
        // Arrange
        var folder = Directory.CreateTempSubdirectory("maskbench-recipe-").FullName;
        var file = Path.Combine(folder, "broken.json");
        File.WriteAllText(
            file,
            File.ReadAllText(Paths.Repository("recipes", "detectron2.json"))
                .Replace("\"detectron2\",\n  \"name\"", "\"broken\",\n  \"name\"")
                .Replace("\"mode\": \"cap\"", "\"mode\": \"kill\"")
        );

        // Act
        var error = Assert.Throws<CatalogException>(() => RecipeLoader.Load(file));

        // Assert
        Assert.Equal($"{file}: field 'stop.mode': use 'cap' or 'watch'", error.Message);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void Placeholders_fill_names_and_small_sums_and_never_split_an_argument()
    {
        // Arrange
        var values = new Dictionary<string, string>
        {
            ["window_end"] = "500",
            ["gpus"] = "4",
            ["output"] = "/runs/a b",
        };

        // Act
        var filled = Placeholders.Fill(
            ["SOLVER.MAX_ITER", "{window_end+1}", "TRAIN.LR_SCHEDULE=[{window_end*gpus/8}]", "--out={output}"],
            values
        );

        // Assert
        Assert.Equal(["SOLVER.MAX_ITER", "501", "TRAIN.LR_SCHEDULE=[250]", "--out=/runs/a b"], filled);
        Assert.Contains("unknown placeholder 'gpu'", Assert.Throws<CatalogException>(() => Placeholders.Fill("{gpu}", values)).Message);
    }
}
