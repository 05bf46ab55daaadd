using MaskBench.Foundation.Files;
using MaskBench.Model.Logs;
using Serilog;

namespace MaskBench.Stages.Train;

/// <summary>Copies the files an implementation writes beside its console log (mmcv's <c>*.log.json</c>,
/// tensorpack's <c>train_log/stats.json</c>) into the run folder, under their own names. The captured log is sacred:
/// a file named like one of the harness's own (train.log, result.json, …) is refused, only files inside the run's
/// output folder are taken (not through a link that leaves it), nothing in the run folder is overwritten, and only
/// regular files are opened: a FIFO or a device would block <c>open()</c> or never end.</summary>
static class PreciseFiles
{
    /// <param name="glob">A path under <paramref name="output"/>; <c>*</c> and <c>?</c> match within the file name.</param>
    /// <param name="cancellation">Observed between files and between chunks of one file: once it is cancelled, the
    /// rest is left in the output folder (a partial copy is removed) and the run is recorded as it is.</param>
    /// <returns>The files copied.</returns>
    public static IReadOnlyList<string> CopyBeside(string output, string? glob, string runFolder, CancellationToken cancellation = default)
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
        var matched = Directory.GetFiles(folder, Path.GetFileName(glob)).Order(StringComparer.Ordinal).ToList();
        foreach (var file in matched)
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
            else if (FileKind.NotRegular(file) is { } kind)
                Log.Warning(
                    "skipping the precise log {File}: it is {Kind}, not a regular file (have the program write a regular file there, or narrow log.preciseFile)",
                    file,
                    kind
                );
            else if (File.Exists(target) || Directory.Exists(target))
                Log.Warning("refusing the precise log {File}: the run folder already holds {Name}", file, name);
            else if (!Copied(file, target, cancellation))
            {
                Log.Warning("not copying the precise logs {Glob} from {Output}: cancelled", glob, output);
                return copied;
            }
            else
                copied.Add(target);
        }
        if (matched.Count == 0)
            Log.Warning("the precise log {Glob} is not in {Output}", glob, output);
        return copied;
    }

    /// <returns>False when cancelled before the copy ended; then nothing of it is left.</returns>
    static bool Copied(string source, string target, CancellationToken cancellation)
    {
        if (cancellation.IsCancellationRequested)
            return false;
        var buffer = new byte[1 << 20];
        using (var from = File.OpenRead(source))
        using (var to = new FileStream(target, FileMode.CreateNew, FileAccess.Write))
        {
            int read;
            while ((read = from.Read(buffer)) > 0 && !cancellation.IsCancellationRequested)
                to.Write(buffer, 0, read);
            if (read == 0)
                return true;
        }
        File.Delete(target);
        return false;
    }
}
