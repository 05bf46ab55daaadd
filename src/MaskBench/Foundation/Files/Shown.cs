namespace MaskBench.Foundation.Files;

internal static class Shown
{
    /// <summary>A path as a person wants to read it: relative inside the current folder, absolute outside it.</summary>
    public static string Path(string path)
    {
        var relative = System.IO.Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? System.IO.Path.GetFullPath(path) : relative;
    }
}
