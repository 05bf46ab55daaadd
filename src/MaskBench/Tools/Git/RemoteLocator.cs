using LibGit2Sharp;
using MaskBench.Model.Catalog;

namespace MaskBench.Tools.Git;

/// <summary>Decides where a recipe's source is fetched from: its URL, a path, or <c>--git-mirror DIR/owner/name</c>.</summary>
static class RemoteLocator
{
    public static string Locate(SourceSpec source, string? gitMirror, string repositoryRoot)
    {
        if (gitMirror is not null)
            return InMirror(source.Mirror, Path.GetFullPath(gitMirror));
        if (Uri.TryCreate(source.Repository, UriKind.Absolute, out var uri) && !uri.IsFile)
            return source.Repository;
        var path = Path.GetFullPath(source.Repository, repositoryRoot);
        if (!Repository.IsValid(path))
            throw new GitException(
                $"source.repository '{source.Repository}' is not a git repository (looked at {path}); give a git URL or the path of a local clone"
            );
        return AsFileUrl(path);
    }

    static string InMirror(string mirror, string mirrorDirectory)
    {
        if (!Directory.Exists(mirrorDirectory))
            throw new GitException($"--git-mirror {mirrorDirectory} does not exist; give a folder holding <owner>/<repo> clones");
        var candidates = new[] { Path.Combine(mirrorDirectory, mirror), Path.Combine(mirrorDirectory, mirror + ".git") };
        foreach (var candidate in candidates)
            if (Directory.Exists(candidate) && Repository.IsValid(candidate))
                return AsFileUrl(candidate);
        throw new GitException(
            $"--git-mirror {mirrorDirectory} has no repository {mirror} (looked for {string.Join(" and ", candidates)}); "
                + $"add one with: git clone --mirror <url> {candidates[1]}"
        );
    }

    /// <summary>A file:// URL, because git's plain-path transport ignores <c>--depth</c>.</summary>
    static string AsFileUrl(string path) => new Uri(Path.TrimEndingDirectorySeparator(path)).AbsoluteUri;
}
