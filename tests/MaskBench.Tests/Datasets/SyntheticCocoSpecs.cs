using CliWrap;
using CliWrap.Buffered;
using MaskBench.Stages.Data;
using Newtonsoft.Json.Linq;

namespace MaskBench.Tests.Datasets;

public class SyntheticCocoSpecs : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("maskbench-coco-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void The_same_settings_always_give_the_same_bytes()
    {
        // Act
        new SyntheticCoco(Images: 3).Write(Path.Combine(folder, "a"));
        new SyntheticCoco(Images: 3).Write(Path.Combine(folder, "b"));
        new SyntheticCoco(Images: 3, Seed: 7).Write(Path.Combine(folder, "c"));

        // Assert
        Assert.Equal(Files("a"), Files("b"));
        Assert.NotEqual(Files("a"), Files("c"));
    }

    [Fact]
    public void The_annotations_are_COCO_instances_with_positive_areas_and_boxes_around_their_polygons()
    {
        // Act
        new SyntheticCoco(Images: 4, Width: 96, Height: 64).Write(folder);

        // Assert
        var coco = JObject.Parse(File.ReadAllText(Path.Combine(folder, "annotations", "instances_train2017.json")));
        Assert.Equal(4, coco["images"]!.Count());
        var categories = coco["categories"]!.ToDictionary(c => (int)c["id"]!, c => (string)c["name"]!);
        Assert.Equal(80, categories.Count);
        Assert.Equal(("person", "car", "toothbrush"), (categories[1], categories[3], categories[90]));
        Assert.DoesNotContain(12, categories.Keys); // COCO's gaps: its ids run to 90
        Assert.All(coco["annotations"]!, a => Assert.InRange((int)a["category_id"]!, 1, 3));
        foreach (var annotation in coco["annotations"]!)
        {
            var box = annotation["bbox"]!.Select(v => (double)v).ToArray();
            var polygon = annotation["segmentation"]![0]!.Select(v => (double)v).ToArray();
            Assert.Equal(polygon.Where((_, i) => i % 2 == 0).Min(), box[0], 9);
            Assert.Equal(polygon.Where((_, i) => i % 2 == 1).Max(), box[1] + box[3], 9);
            Assert.True((double)annotation["area"]! > 0);
        }
    }

    /// <summary>Runs check_masks.py (PIL decodes each PNG, its zlib stream and CRCs; the pixels are tested against the polygons).</summary>
    static async Task<JObject> CheckMasks(string folder)
    {
        var script = Paths.Repository("tests", "MaskBench.Tests", "Datasets", "check_masks.py");
        var run = await Cli.Wrap("/usr/bin/python3")
            .WithArguments([script, folder])
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync();
        Assert.True(run.ExitCode == 0, $"check_masks.py failed (does /usr/bin/python3 have PIL?): {run.StandardError}");
        return JObject.Parse(run.StandardOutput);
    }

    [Fact]
    public async Task The_images_decode_as_PNG_and_their_painted_pixels_are_the_masks()
    {
        // Arrange
        new SyntheticCoco(Images: 4, Width: 96, Height: 64).Write(folder);

        // Act
        var report = await CheckMasks(folder);

        // Assert
        Assert.Empty(report["problems"]!.Select(p => (string)p!));
        Assert.Equal(4, (int)report["images"]!);
        Assert.True((int)report["inside"]! > 500, report.ToString());
        Assert.True((int)report["outside"]! > 500, report.ToString());
    }

    [Fact]
    public async Task A_mask_moved_off_its_shape_or_a_broken_CRC_is_caught()
    {
        // Arrange: the first annotation's polygon moved 20 pixels right; the second image's IDAT CRC flipped
        new SyntheticCoco(Images: 2, Width: 96, Height: 64).Write(folder);
        var annotations = Path.Combine(folder, "annotations", "instances_train2017.json");
        var coco = JObject.Parse(File.ReadAllText(annotations));
        var polygon = (JArray)coco["annotations"]![0]!["segmentation"]![0]!;
        for (var i = 0; i < polygon.Count; i += 2)
            polygon[i] = (double)polygon[i] + 20;
        File.WriteAllText(annotations, coco.ToString());
        var second = Path.Combine(folder, "train2017", "000000000002.png");
        var bytes = File.ReadAllBytes(second);
        bytes[^13] ^= 0xFF; // the last byte of IDAT's CRC, just before the 12-byte IEND chunk
        File.WriteAllBytes(second, bytes);

        // Act
        var problems = (await CheckMasks(folder))["problems"]!.Select(p => (string)p!).ToList();

        // Assert
        Assert.Contains(problems, p => p.StartsWith("000000000001.png: ", StringComparison.Ordinal));
        Assert.Contains(
            problems,
            p => p.StartsWith("000000000002.png: ", StringComparison.Ordinal) && p.Contains("checksum", StringComparison.Ordinal)
        );
    }

    string Files(string name) =>
        string.Join(
            "\n",
            Directory
                .GetFiles(Path.Combine(folder, name), "*", SearchOption.AllDirectories)
                .Order(StringComparer.Ordinal)
                .Select(f => $"{Path.GetRelativePath(Path.Combine(folder, name), f)} {MaskBench.Foundation.Files.Hashing.File(f)}")
        );
}
