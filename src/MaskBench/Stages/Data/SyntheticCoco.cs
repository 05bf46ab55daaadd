using MaskBench.Foundation.Files;

namespace MaskBench.Stages.Data;

/// <summary>
/// A small COCO-format dataset made from a seed: images with a few shapes on a noisy background, polygon
/// masks, and <c>annotations/instances_train2017.json</c>. The same settings always give the same bytes.
/// Its categories are COCO 2017's 80 "thing" classes with their ids (1-90, with COCO's gaps), since implementations
/// that register COCO's metadata (Detectron2's <c>coco_2017_train</c>) insist on them; the three shapes are drawn as
/// the first three (square: person, disc: bicycle, triangle: car).
/// </summary>
internal sealed record SyntheticCoco(int Images = 16, int Width = 320, int Height = 256, int Seed = 2017)
{
    /// <summary>COCO 2017's categories, id and name, as its annotation files list them.</summary>
    public static readonly IReadOnlyList<(int Id, string Name)> Categories =
    [
        (1, "person"),
        (2, "bicycle"),
        (3, "car"),
        (4, "motorcycle"),
        (5, "airplane"),
        (6, "bus"),
        (7, "train"),
        (8, "truck"),
        (9, "boat"),
        (10, "traffic light"),
        (11, "fire hydrant"),
        (13, "stop sign"),
        (14, "parking meter"),
        (15, "bench"),
        (16, "bird"),
        (17, "cat"),
        (18, "dog"),
        (19, "horse"),
        (20, "sheep"),
        (21, "cow"),
        (22, "elephant"),
        (23, "bear"),
        (24, "zebra"),
        (25, "giraffe"),
        (27, "backpack"),
        (28, "umbrella"),
        (31, "handbag"),
        (32, "tie"),
        (33, "suitcase"),
        (34, "frisbee"),
        (35, "skis"),
        (36, "snowboard"),
        (37, "sports ball"),
        (38, "kite"),
        (39, "baseball bat"),
        (40, "baseball glove"),
        (41, "skateboard"),
        (42, "surfboard"),
        (43, "tennis racket"),
        (44, "bottle"),
        (46, "wine glass"),
        (47, "cup"),
        (48, "fork"),
        (49, "knife"),
        (50, "spoon"),
        (51, "bowl"),
        (52, "banana"),
        (53, "apple"),
        (54, "sandwich"),
        (55, "orange"),
        (56, "broccoli"),
        (57, "carrot"),
        (58, "hot dog"),
        (59, "pizza"),
        (60, "donut"),
        (61, "cake"),
        (62, "chair"),
        (63, "couch"),
        (64, "potted plant"),
        (65, "bed"),
        (67, "dining table"),
        (70, "toilet"),
        (72, "tv"),
        (73, "laptop"),
        (74, "mouse"),
        (75, "remote"),
        (76, "keyboard"),
        (77, "cell phone"),
        (78, "microwave"),
        (79, "oven"),
        (80, "toaster"),
        (81, "sink"),
        (82, "refrigerator"),
        (84, "book"),
        (85, "clock"),
        (86, "vase"),
        (87, "scissors"),
        (88, "teddy bear"),
        (89, "hair drier"),
        (90, "toothbrush"),
    ];

    /// <param name="cancellation">Observed before each image: a cancelled generation throws
    /// <see cref="OperationCanceledException"/> within one image, without the annotations file.</param>
    /// <param name="written">Called with the count of images written, after each.</param>
    public void Write(string directory, CancellationToken cancellation = default, Action<int>? written = null)
    {
        var random = new Random(Seed);
        var images = new List<object>();
        var annotations = new List<object>();
        Directory.CreateDirectory(Path.Combine(directory, "train2017"));
        Directory.CreateDirectory(Path.Combine(directory, "annotations"));
        for (var id = 1; id <= Images; id++)
        {
            cancellation.ThrowIfCancellationRequested();
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
            AtomicFile.WriteAllBytes(Path.Combine(directory, "train2017", file), PngWriter.Encode(Width, Height, rgb));
            images.Add(
                new
                {
                    id,
                    file_name = file,
                    width = Width,
                    height = Height,
                }
            );
            written?.Invoke(id);
        }
        cancellation.ThrowIfCancellationRequested();
        var document = new
        {
            info = new { description = $"MaskBench synthetic COCO ({Images} images, seed {Seed})", version = "1" },
            images,
            annotations,
            categories = Categories.Select(c => new
            {
                id = c.Id,
                name = c.Name,
                supercategory = "maskbench-synthetic",
            }),
        };
        JsonFiles.Write(Path.Combine(directory, "annotations", "instances_train2017.json"), document);
    }
}
