using LibGit2Sharp;
using MaskBench.Tools.Git;

namespace MaskBench.Stages.Patch;

/// <summary>Puts a clone back at its pinned commit exactly (<c>git reset --hard</c> and <c>git clean -fdx</c>).</summary>
static class CleanCheckout
{
    public static string PinnedCommit(string sourceDirectory) =>
        GitSource.ReadClonedCommit(sourceDirectory)
        ?? throw new PatchException(
            $"{sourceDirectory} is not a complete clone at its pin (or HEAD was moved); run the Clone target first"
        );

    public static void Restore(string sourceDirectory, string commit)
    {
        using var repository = new Repository(sourceDirectory);
        repository.Reset(ResetMode.Hard, repository.Lookup<Commit>(commit));
        var status = repository.RetrieveStatus(
            new StatusOptions
            {
                IncludeIgnored = true,
                IncludeUntracked = true,
                RecurseUntrackedDirs = false,
                RecurseIgnoredDirs = false,
            }
        );
        foreach (var entry in status.Where(e => e.State.HasFlag(FileStatus.NewInWorkdir) || e.State.HasFlag(FileStatus.Ignored)))
            Delete(Path.Combine(sourceDirectory, entry.FilePath.TrimEnd('/')));
    }

    static void Delete(string path)
    {
        var directory = new DirectoryInfo(path);
        if (directory.Exists && directory.LinkTarget is null)
            directory.Delete(recursive: true);
        else if (directory.Exists || File.Exists(path) || new FileInfo(path).LinkTarget is not null)
            File.Delete(path);
    }
}
