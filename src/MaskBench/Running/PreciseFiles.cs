namespace MaskBench.Running;

/// <summary>Copies the files an implementation writes beside its console log (mmcv's <c>*.log.json</c>,
/// tensorpack's <c>train_log/stats.json</c>) into the run folder.</summary>
static class PreciseFiles
{
    /// <param name="glob">A path under <paramref name="output"/>; <c>*</c> and <c>?</c> match within the file name.</param>
    public static IReadOnlyList<string> CopyBeside(string output, string? glob, string runFolder)
    {
        if (string.IsNullOrEmpty(glob) || !Directory.Exists(output))
            return [];
        var relativeFolder = Path.GetDirectoryName(glob) ?? "";
        var folder = Path.Combine(output, relativeFolder);
        if (!Directory.Exists(folder))
        {
            Serilog.Log.Warning("the precise log {Glob} is not in {Output}", glob, output);
            return [];
        }
        var copied = new List<string>();
        foreach (var file in Directory.GetFiles(folder, Path.GetFileName(glob)).Order(StringComparer.Ordinal))
        {
            var target = Path.Combine(runFolder, Path.GetFileName(file));
            File.Copy(file, target, overwrite: true);
            copied.Add(target);
        }
        if (copied.Count == 0)
            Serilog.Log.Warning("the precise log {Glob} is not in {Output}", glob, output);
        return copied;
    }
}
