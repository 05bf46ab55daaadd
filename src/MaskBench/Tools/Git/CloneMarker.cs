namespace MaskBench.Tools.Git;

/// <summary>
/// The file that says a clone is complete: <c>.git/maskbench-clone</c> holding the verified full commit hash.
/// It is written last, after the checkout is verified, so a clone without it is unfinished and is redone.
/// </summary>
static class CloneMarker
{
    const string FileName = "maskbench-clone";

    static string MarkerPath(string destination) => Path.Combine(destination, ".git", FileName);

    /// <summary>The commit of a complete clone whose HEAD is still detached at it, without opening the repository.</summary>
    public static string? ReadVerifiedCommit(string destination)
    {
        var marker = MarkerPath(destination);
        var head = Path.Combine(destination, ".git", "HEAD");
        if (!File.Exists(marker) || !File.Exists(head))
            return null;
        var commit = File.ReadAllText(marker).Trim();
        return File.ReadAllText(head).Trim() == commit ? commit : null;
    }

    public static void Write(string destination, string commit)
    {
        MaskBench.Foundation.Files.AtomicFile.WriteAllText(MarkerPath(destination), commit + "\n");
    }

    public static void Remove(string destination) => File.Delete(MarkerPath(destination));

    public static bool Matches(string commit, string pin) => commit.StartsWith(pin, StringComparison.OrdinalIgnoreCase);
}
