using MaskBench.Foundation.Files;
using Serilog;

namespace MaskBench.Stages.Train;

/// <summary>Copies the files an implementation writes beside its console log (mmcv's <c>*.log.json</c>,
/// tensorpack's <c>train_log/stats.json</c>) into the run folder, under their own names. The captured log is sacred:
/// a file named like one of the harness's own (train.log, result.json, …) is refused, only files inside the run's
/// output folder are taken (not through a link that leaves it), and nothing in the run folder is overwritten.</summary>
static class PreciseFiles
{
    /// <param name="glob">A path under <paramref name="output"/>; <c>*</c> and <c>?</c> match within the file name.</param>
    /// <returns>The files copied.</returns>
    public static IReadOnlyList<string> CopyBeside(string output, string? glob, string runFolder)
    {
        if (string.IsNullOrEmpty(glob) || !Directory.Exists(output))
            return [];
        var folder = Path.GetFullPath(Path.Combine(output, Path.GetDirectoryName(glob) ?? ""));
        if (!Directory.Exists(folder))
        {
            Log.Warning("the precise log {Glob} is not in {Output}", glob, output);
            return [];
        }
        if (!RealPath.IsInside(folder, output))
        {
            Log.Warning(
                "refusing the precise log {Glob}: it leaves the run's output folder {Output} (log.preciseFile names a file under it)",
                glob,
                output
            );
            return [];
        }
        var copied = new List<string>();
        foreach (var file in Directory.GetFiles(folder, Path.GetFileName(glob)).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            var target = Path.Combine(runFolder, name);
            if (MaskBench.Model.Catalog.RecipePaths.HarnessFiles.Contains(name))
                Log.Warning(
                    "refusing the precise log {File}: {Name} is the name of a file the harness writes; the captured log is never replaced (rename it in log.preciseFile's program, or leave it out)",
                    file,
                    name
                );
            else if (!RealPath.IsInside(file, output))
                Log.Warning("refusing the precise log {File}: it is a link out of the run's output folder {Output}", file, output);
            else if (File.Exists(target) || Directory.Exists(target))
                Log.Warning("refusing the precise log {File}: the run folder already holds {Name}", file, name);
            else
            {
                File.Copy(file, target, overwrite: false);
                copied.Add(target);
            }
        }
        if (copied.Count == 0)
            Log.Warning("the precise log {Glob} is not in {Output}", glob, output);
        return copied;
    }
}
