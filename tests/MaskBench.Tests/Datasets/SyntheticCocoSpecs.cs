using MaskBench.Datasets;
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
    public void The_annotations_are_COCO_instances_with_polygons_inside_their_boxes_and_real_PNG_images()
    {
        // Act
        new SyntheticCoco(Images: 4, Width: 96, Height: 64).Write(folder);

        // Assert
        var coco = JObject.Parse(File.ReadAllText(Path.Combine(folder, "annotations", "instances_train2017.json")));
        Assert.Equal(4, coco["images"]!.Count());
        Assert.Equal(["square", "disc", "triangle"], coco["categories"]!.Select(c => (string)c["name"]!));
        foreach (var annotation in coco["annotations"]!)
        {
            var box = annotation["bbox"]!.Select(v => (double)v).ToArray();
            var polygon = annotation["segmentation"]![0]!.Select(v => (double)v).ToArray();
            Assert.All(polygon.Where((_, i) => i % 2 == 0), x => Assert.InRange(x, box[0] - 1e-9, box[0] + box[2] + 1e-9));
            Assert.All(polygon.Where((_, i) => i % 2 == 1), y => Assert.InRange(y, box[1] - 1e-9, box[1] + box[3] + 1e-9));
            Assert.True((double)annotation["area"]! > 0);
        }
        foreach (var image in coco["images"]!)
        {
            var png = File.ReadAllBytes(Path.Combine(folder, "train2017", (string)image["file_name"]!));
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
            Assert.Equal(96, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)));
            Assert.Equal(64, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
        }
    }

    string Files(string name) =>
        string.Join(
            "\n",
            Directory
                .GetFiles(Path.Combine(folder, name), "*", SearchOption.AllDirectories)
                .Order(StringComparer.Ordinal)
                .Select(f => $"{Path.GetRelativePath(Path.Combine(folder, name), f)} {MaskBench.Files.Hashing.File(f)}")
        );
}
