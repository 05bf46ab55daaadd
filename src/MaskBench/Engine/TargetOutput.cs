using MaskBench.Foundation.Files;

namespace MaskBench.Engine;

/// <summary>An output a target makes, known by a cheap identity; <c>null</c> means it is missing.</summary>
internal sealed record TargetOutput(string Name, Func<string?> Identity)
{
    /// <summary>A file, identified by the SHA-256 of its content.</summary>
    public static TargetOutput File(string path) => new(Relative(path), () => Hashing.FileOrNull(path));

    /// <summary>A folder, identified by the names and contents of all files in it.</summary>
    public static TargetOutput Directory(string path) => new(Relative(path) + "/", () => Hashing.DirectoryOrNull(path));

    static string Relative(string path) => Shown.Path(path);
}
