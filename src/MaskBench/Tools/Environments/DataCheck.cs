using MaskBench.Model.Catalog;

namespace MaskBench.Tools.Environments;

/// <summary>Checks the COCO folder (<c>--coco DIR</c>) before any GPU time is spent: one message per missing
/// file, naming the file and where it comes from.</summary>
internal static class DataCheck
{
    public static IReadOnlyList<string> Problems(Recipe recipe, string? coco)
    {
        if (string.IsNullOrWhiteSpace(coco))
            return [$"{recipe.Name} trains on COCO {recipe.Data.Year}: pass --coco DIR, a folder with annotations/ and the image folders"];
        if (!Directory.Exists(coco))
            return [$"--coco {coco}: there is no such folder"];
        var problems = new List<string>();
        foreach (var required in recipe.Data.Required.Concat(recipe.Data.Links.Values.Where(v => v != ".")).Distinct())
        {
            var path = Path.Combine(coco, required);
            var isFile = Path.HasExtension(required);
            if (isFile && !File.Exists(path))
                problems.Add($"{recipe.Name} needs {path}, which is missing{Source(required)}");
            else if (!isFile && !Directory.Exists(path))
                problems.Add($"{recipe.Name} needs the folder {path}, which is missing{Source(required)}");
            else if (!isFile && !Directory.EnumerateFileSystemEntries(path).Any())
                problems.Add($"{recipe.Name} needs the images in {path}, which is empty{Source(required)}");
        }
        return problems;
    }

    public static void Ensure(Recipe recipe, string? coco)
    {
        var problems = Problems(recipe, coco);
        if (problems.Count > 0)
            throw new RunnerException(string.Join("\n", problems));
    }

    static string Source(string required) =>
        required switch
        {
            _ when required.Contains("minival2014", StringComparison.Ordinal) =>
                " (from Detectron's https://dl.fbaipublicfiles.com/detectron/coco/coco_annotations_minival.tgz)",
            _ when required.StartsWith("annotations", StringComparison.Ordinal) && required.Contains("2014", StringComparison.Ordinal) =>
                " (from annotations_trainval2014.zip, cocodataset.org)",
            _ when required.StartsWith("annotations", StringComparison.Ordinal) => " (from annotations_trainval2017.zip, cocodataset.org)",
            _ => $" (from {required.TrimEnd('/')}.zip, cocodataset.org)",
        };
}
