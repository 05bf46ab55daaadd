namespace MaskBench.Model.Records;

/// <summary>
/// The last measured run of a run slot, kept whole beside it in <c>runs/&lt;id&gt;/&lt;n&gt;.good/</c> (record, log,
/// manifest, telemetry): Parse copies the run folder there when a run is measured, and nothing else writes it, so a
/// later failure (a Setup typo, a crash, Ctrl-C) that rewrites the slot's own record and folder never erases the good
/// measurement. Aggregate shows it, with the newer failure named beside it.
/// </summary>
internal static class LastGood
{
    public const string Suffix = ".good";

    /// <summary>Where the slot of <paramref name="record"/> (<c>…/&lt;n&gt;/record.json</c>) keeps its last good record:
    /// in <c>&lt;n&gt;.good/</c>, or in <c>&lt;n&gt;.good.old/</c> when a copy was killed between its two renames.</summary>
    public static string RecordOf(string record)
    {
        var target = Path.GetDirectoryName(Path.GetFullPath(record))! + Suffix;
        var old = target + MaskBench.Foundation.Files.AtomicFile.OldSuffix;
        return Path.Combine(Directory.Exists(target) || !Directory.Exists(old) ? target : old, Path.GetFileName(record));
    }

    /// <summary>Copies the measured run's folder to its <c>.good</c> sibling: into a staging folder first, then renamed over
    /// the older copy (<see cref="MaskBench.Foundation.Files.AtomicFile.ReplaceFolder"/>), so a kill at any point leaves one whole good run.</summary>
    public static void Keep(string runFolder)
    {
        var target = Path.GetFullPath(runFolder).TrimEnd(Path.DirectorySeparatorChar) + Suffix;
        var staging = $"{target}.{Guid.NewGuid():N}.partial";
        try
        {
            Copy(runFolder, staging);
            MaskBench.Foundation.Files.AtomicFile.ReplaceFolder(staging, target);
        }
        finally
        {
            if (Directory.Exists(staging))
                Directory.Delete(staging, recursive: true);
        }
    }

    static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var folder in Directory.GetDirectories(from))
            Copy(folder, Path.Combine(to, Path.GetFileName(folder)));
    }
}
