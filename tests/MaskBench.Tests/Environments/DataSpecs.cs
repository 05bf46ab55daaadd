using MaskBench.Model.Catalog;
using MaskBench.Tests.Running;
using MaskBench.Tools.Environments;

namespace MaskBench.Tests.Environments;

[Trait(Needs.Trait, Needs.Processes)]
public class DataSpecs
{
    static Recipe Load(string id) => RecipeLoader.Load(Paths.Repository("recipes", id + ".json"));

    static string Coco(string root, params string[] files)
    {
        var coco = Directory.CreateDirectory(Path.Combine(root, "coco")).FullName;
        foreach (var file in files)
        {
            var path = Path.Combine(coco, file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, "{}");
        }
        return coco;
    }

    [Fact]
    public void A_missing_COCO_file_is_named_exactly_with_where_it_comes_from()
    {
        // Arrange
        using var scratch = new FakeTraining();
        var coco = Coco(scratch.Root, "annotations/instances_train2017.json", "train2017/000000000009.jpg");

        // Act
        var detectron2 = DataCheck.Problems(Load("detectron2"), coco);
        var detectron = DataCheck.Problems(Load("detectron"), coco);

        // Assert
        Assert.Empty(detectron2);
        Assert.Contains(
            detectron,
            p => p.Contains(Path.Combine(coco, "annotations/instances_minival2014.json")) && p.Contains("coco_annotations_minival.tgz")
        );
        Assert.Contains(detectron, p => p.Contains($"the folder {Path.Combine(coco, "train2014")}"));
        Assert.Equal(5, detectron.Count);
    }

    [Fact]
    public void No_coco_folder_asks_for_one()
    {
        // Act
        var problems = DataCheck.Problems(Load("mmdetection"), null);

        // Assert
        Assert.Equal(["mmdetection trains on COCO 2017: pass --coco DIR, a folder with annotations/ and the image folders"], problems);
    }

    [Fact]
    public void The_COCO_folder_is_linked_where_each_implementation_looks()
    {
        // Arrange
        using var scratch = new FakeTraining();
        var coco = Coco(scratch.Root, "annotations/instances_train2017.json", "train2017/1.jpg", "val2017/2.jpg");
        var source = Directory.CreateDirectory(Path.Combine(scratch.Root, "simpledet")).FullName;
        Directory.CreateDirectory(Path.Combine(source, "data", "coco", "images", "train2017"));

        // Act
        DataLayout.Link(Load("simpledet"), source, coco);
        DataLayout.Link(Load("simpledet"), source, coco);
        DataLayout.Link(Load("detectron2"), source, coco);

        // Assert
        Assert.True(File.Exists(Path.Combine(source, "data/coco/images/train2017/1.jpg")));
        Assert.True(File.Exists(Path.Combine(source, "data/coco/annotations/instances_train2017.json")));
        Assert.Equal(coco, new DirectoryInfo(Path.Combine(source, "datasets/coco")).LinkTarget);
    }

    [Fact]
    public void A_real_folder_in_the_way_of_a_link_is_never_deleted()
    {
        // Arrange
        using var scratch = new FakeTraining();
        var coco = Coco(scratch.Root, "annotations/instances_train2017.json");
        var source = scratch.Root;
        Directory.CreateDirectory(Path.Combine(source, "data", "coco"));
        File.WriteAllText(Path.Combine(source, "data", "coco", "mine.txt"), "keep");

        // Act
        var error = Assert.Throws<RunnerException>(() => DataLayout.Link(Load("mmdetection"), source, coco));

        // Assert
        Assert.Contains("move it away", error.Message);
        Assert.True(File.Exists(Path.Combine(source, "data", "coco", "mine.txt")));
    }

    [Fact(Timeout = 60_000)]
    public async Task The_preprocessing_runs_once_per_COCO_folder()
    {
        // Arrange
        using var scratch = new FakeTraining();
        var coco = Coco(scratch.Root, "annotations/instances_train2017.json");
        var recipe = Load("simpledet") with
        {
            Data = Load("simpledet").Data with { Prepare = [FakeTraining.Python, "-c", "open('runs.txt', 'a').write('ran\\n')"] },
        };

        // Act
        var first = await DataLayout.PrepareAsync(recipe, new LocalHost(), scratch.Root, coco);
        var second = await DataLayout.PrepareAsync(recipe, new LocalHost(), scratch.Root, coco);

        // Assert
        Assert.True(first);
        Assert.False(second);
        Assert.Equal(["ran"], File.ReadAllLines(Path.Combine(scratch.Root, "runs.txt")));
    }
}
