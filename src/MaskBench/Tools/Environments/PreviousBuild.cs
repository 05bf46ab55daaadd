using LibGit2Sharp;

namespace MaskBench.Tools.Environments;

/// <summary>The build folder a previous compile left in the source tree (setuptools' <c>build/</c>, with its object
/// files). setuptools reuses an object file whose source is older, whatever torch or compiler built it, so Setup
/// removes the folder before it compiles in a new image: every compile of an environment starts clean.</summary>
static class PreviousBuild
{
    const string Folder = "build";

    /// <summary>Removes <c>build/</c> unless the upstream tracks files there (then it is the upstream's own, and kept);
    /// returns whether it removed one.</summary>
    public static bool Remove(string source)
    {
        var folder = Path.Combine(source, Folder);
        if (!Directory.Exists(folder) || new DirectoryInfo(folder).LinkTarget is not null)
            return false;
        using (var repository = new Repository(source))
            if (repository.Index.Any(e => e.Path.StartsWith(Folder + "/", StringComparison.Ordinal)))
                return false;
        Directory.Delete(folder, recursive: true);
        return true;
    }
}
