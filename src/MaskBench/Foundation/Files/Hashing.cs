using System.Security.Cryptography;

namespace MaskBench.Foundation.Files;

internal static class Hashing
{
    public static string? FileOrNull(string path) => System.IO.File.Exists(path) ? File(path) : null;

    public static string File(string path)
    {
        using var stream = System.IO.File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    public static async Task<string> FileAsync(string path, CancellationToken cancellation = default)
    {
        await using var stream = System.IO.File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellation));
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
