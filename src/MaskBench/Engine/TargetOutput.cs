using System.Security.Cryptography;

namespace MaskBench.Engine;

/// <summary>An output a target makes, known by a cheap identity; <c>null</c> means it is missing.</summary>
public sealed record TargetOutput(string Name, Func<string?> Identity)
{
    /// <summary>A file, identified by the SHA-256 of its content.</summary>
    public static TargetOutput File(string path) => new(Relative(path), () => Hashing.FileOrNull(path));

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

    public static string Text(string text) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
}
