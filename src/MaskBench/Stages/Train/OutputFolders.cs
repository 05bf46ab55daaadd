using Serilog;

namespace MaskBench.Stages.Train;

/// <summary>The fresh folder a training writes into (<c>{output}</c>): never reused, so no implementation can resume
/// from an older run and skip training. An older folder is removed only when no
/// process uses it (its working folder or an open file is inside) and no live training of the journal names it.</summary>
internal static class OutputFolders
{
    /// <summary>Creates <c>&lt;root&gt;/&lt;id&gt;/&lt;UTC time&gt;</c>, empty, and removes the id's older output folders
    /// (checkpoints are large) that nothing uses.</summary>
    /// <param name="journal">The live-trainings folder (<c>&lt;work&gt;/live</c>), or null.</param>
    public static string Fresh(string root, string id, string? journal = null)
    {
        var parent = Path.Combine(Path.GetFullPath(root), id);
        Directory.CreateDirectory(parent);
        var recorded = LiveTrainings.Outputs(journal);
        foreach (var older in Directory.GetDirectories(parent))
        {
            var users = ProcessTable.Using(older);
            if (users.Count > 0 || recorded.Contains(Path.GetFullPath(older)))
            {
                Log.Warning(
                    "keeping the older output folder {Folder}: {Who} still uses it",
                    older,
                    users.Count > 0 ? $"process {string.Join(", ", users.Take(5))}" : "a live training of the journal"
                );
                continue;
            }
            Directory.Delete(older, recursive: true);
        }
        var fresh = Path.Combine(parent, DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'.'fff'Z'"));
        Directory.CreateDirectory(fresh);
        return fresh;
    }
}
