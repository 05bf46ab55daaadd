using Newtonsoft.Json;

namespace MaskBench.Datasets;

/// <summary>
/// A small COCO-format dataset made from a seed: images with a few shapes on a noisy background, polygon
/// masks, and <c>annotations/instances_train2017.json</c>. The same settings always give the same bytes.
/// </summary>
public sealed record SyntheticCoco(int Images = 16, int Width = 320, int Height = 256, int Seed = 2017)
{
    public static readonly IReadOnlyList<(int Id, string Name)> Categories = [(1, "square"), (2, "disc"), (3, "triangle")];

    public void Write(string directory)
    {
        var random = new Random(Seed);
        var images = new List<object>();
        var annotations = new List<object>();
        Directory.CreateDirectory(Path.Combine(directory, "train2017"));
        Directory.CreateDirectory(Path.Combine(directory, "annotations"));
        for (var id = 1; id <= Images; id++)
        {
            var rgb = new byte[Width * Height * 3];
            random.NextBytes(rgb);
            for (var i = 0; i < rgb.Length; i++)
                rgb[i] = (byte)(rgb[i] / 4); // dark noise, so shapes stand out
            var shapes = Enumerable.Range(0, random.Next(1, 5)).Select(_ => Shape.Random(random, Width, Height)).ToList();
            foreach (var shape in shapes)
            {
                shape.Paint(rgb, Width, Height);
                var (x, y, w, h) = shape.Box;
                annotations.Add(
                    new
                    {
                        id = annotations.Count + 1,
                        image_id = id,
                        category_id = shape.CategoryId,
                        segmentation = new[] { shape.Polygon.SelectMany(p => new[] { p.X, p.Y }).ToArray() },
                        area = Math.Round(shape.Area, 2),
                        bbox = new[] { x, y, w, h },
                        iscrowd = 0,
                    }
                );
            }
            var file = $"{id:D12}.png";
            File.WriteAllBytes(Path.Combine(directory, "train2017", file), PngWriter.Encode(Width, Height, rgb));
            images.Add(
                new
                {
                    id,
                    file_name = file,
                    width = Width,
                    height = Height,
                }
            );
        }
        var document = new
        {
            info = new { description = $"MaskBench synthetic COCO ({Images} images, seed {Seed})", version = "1" },
            images,
            annotations,
            categories = Categories.Select(c => new
            {
                id = c.Id,
                name = c.Name,
                supercategory = "shape",
            }),
        };
        File.WriteAllText(
            Path.Combine(directory, "annotations", "instances_train2017.json"),
            JsonConvert.SerializeObject(document, Formatting.Indented)
        );
    }
}
