namespace MaskBench.Running;

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
        var old = Target + ".old";
        if (Directory.Exists(old))
            Directory.Delete(old, recursive: true);
        if (Directory.Exists(Target))
            Directory.Move(Target, old);
        Directory.Move(Path, Target);
        if (Directory.Exists(old))
            Directory.Delete(old, recursive: true);
        return Target;
    }
}

/// <summary>The fresh folder a training writes into (<c>{output}</c>): never reused, so no implementation can
/// resume from an older run and skip training.</summary>
public static class OutputFolder
{
    /// <summary>Creates <c>&lt;root&gt;/&lt;id&gt;/&lt;UTC time&gt;</c>, empty, and removes the id's older output folders
    /// (checkpoints are large).</summary>
    public static string Fresh(string root, string id)
    {
        var parent = Path.Combine(Path.GetFullPath(root), id);
        Directory.CreateDirectory(parent);
        foreach (var older in Directory.GetDirectories(parent))
            Directory.Delete(older, recursive: true);
        var fresh = Path.Combine(parent, DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'.'fff'Z'"));
        Directory.CreateDirectory(fresh);
        return fresh;
    }
}
