namespace MaskBench.Stages.Train;

/// <summary>A run is written into <c>&lt;run&gt;.partial</c> and moved into place only at the end, whether it succeeded
/// or not: the run folder always holds one whole run, the latest, and its record says how it went. A crash leaves only
/// the partial folder, which the next run of the same key replaces.</summary>
sealed class RunStaging
{
    public string Target { get; }
    public string Path { get; }

    RunStaging(string target)
    {
        Target = target;
        Path = target + ".partial";
    }

    public static RunStaging Begin(string runDirectory)
    {
        var folder = new RunStaging(System.IO.Path.GetFullPath(runDirectory));
        if (Directory.Exists(folder.Path))
            Directory.Delete(folder.Path, recursive: true);
        Directory.CreateDirectory(folder.Path);
        return folder;
    }

    /// <summary>Moves the partial folder to its final name, replacing the older run; returns the final path.</summary>
    public string Finish()
    {
        MaskBench.Foundation.Files.AtomicFile.ReplaceFolder(Path, Target);
        return Target;
    }
}
