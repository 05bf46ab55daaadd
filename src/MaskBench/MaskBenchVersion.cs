using LibGit2Sharp;

namespace MaskBench;

/// <summary>MaskBench's own version, for manifests and history: the commit of the checkout it runs from, with
/// <c>-dirty</c> when tracked files differ from it, so results from two versions can be told apart.</summary>
internal static class MaskBenchVersion
{
    public static string Of(string root)
    {
        try
        {
            using var repository = new Repository(root);
            var commit = repository.Head.Tip?.Sha ?? "no-commit";
            var dirty = repository.RetrieveStatus(new StatusOptions { IncludeUntracked = false }).IsDirty;
            return dirty ? commit + "-dirty" : commit;
        }
        catch (RepositoryNotFoundException)
        {
            return "unknown (not a git checkout)";
        }
    }
}
