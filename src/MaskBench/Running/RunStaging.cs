namespace MaskBench.Running;

/// <summary>A run is written into <c>&lt;runs&gt;/&lt;id&gt;.partial</c> and moved into place only at the end:
/// <c>&lt;id&gt;</c> when it succeeded, <c>&lt;id&gt;.failed</c> when it did not, so that a failed or interrupted run
/// never leaves a folder that looks done.</summary>
sealed class RunStaging
{
    public string Runs { get; }
    public string Id { get; }
    public string Path { get; }

    RunStaging(string runs, string id)
    {
        Runs = runs;
        Id = id;
        Path = System.IO.Path.Combine(runs, id + ".partial");
    }

    public static RunStaging Begin(string runs, string id)
    {
        var folder = new RunStaging(System.IO.Path.GetFullPath(runs), id);
        if (Directory.Exists(folder.Path))
            Directory.Delete(folder.Path, recursive: true);
        Directory.CreateDirectory(folder.Path);
        return folder;
    }

    public static string Done(string runs, string id) => System.IO.Path.Combine(System.IO.Path.GetFullPath(runs), id);

    public static string Failed(string runs, string id) => System.IO.Path.Combine(System.IO.Path.GetFullPath(runs), id + ".failed");

    /// <summary>Moves the partial folder to its final name, replacing an older one; returns the final path.</summary>
    public string Finish(bool succeeded)
    {
        var target = succeeded ? Done(Runs, Id) : Failed(Runs, Id);
        var old = target + ".old";
        if (Directory.Exists(old))
            Directory.Delete(old, recursive: true);
        if (Directory.Exists(target))
            Directory.Move(target, old);
        Directory.Move(Path, target);
        if (Directory.Exists(old))
            Directory.Delete(old, recursive: true);
        if (succeeded && Directory.Exists(Failed(Runs, Id)))
            Directory.Delete(Failed(Runs, Id), recursive: true);
        return target;
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
