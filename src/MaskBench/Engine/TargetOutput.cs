using System.Security.Cryptography;

namespace MaskBench.Engine;

/// <summary>An output a target makes, known by a cheap identity; <c>null</c> means it is missing.</summary>
public sealed record TargetOutput(string Name, Func<string?> Identity)
{
    /// <summary>A file, identified by the SHA-256 of its content.</summary>
    public static TargetOutput File(string path) => new(Relative(path), () => Hashing.FileOrNull(path));

    /// <summary>A folder, identified by the names and contents of all files in it.</summary>
    public static TargetOutput Directory(string path) => new(Relative(path) + "/", () => Hashing.DirectoryOrNull(path));

    static string Relative(string path) => Shown.Path(path);
}

public static class Hashing
{
    public static string? FileOrNull(string path) => System.IO.File.Exists(path) ? File(path) : null;

    public static string File(string path)
    {
        using var stream = System.IO.File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    public static string? DirectoryOrNull(string path)
    {
        if (!System.IO.Directory.Exists(path))
            return null;
        var files = System.IO.Directory.GetFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal);
        return Text(string.Join("\n", files.Select(f => $"{Path.GetRelativePath(path, f)} {File(f)}")));
    }

    public static string Text(string text) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
}
