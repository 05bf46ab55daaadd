namespace MaskBench.Tests;

static class Paths
{
    public static string Root { get; } = FindRoot();

    public static string Repository(params string[] parts) => Path.Combine([Root, .. parts]);

    static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "global.json")))
            directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("cannot find the repository root (global.json)");
    }
}
