using MaskBench.Foundation.Files;
using MaskBench.Model.Catalog;

namespace MaskBench.Tools.Environments;

/// <summary><c>weights.sha256</c> in the cache (the format of <c>sha256sum</c>): the hash of each file when it
/// was first fetched, for the weights whose recipe gives none.</summary>
static class WeightHashes
{
    static readonly Lock Gate = new();

    public static string? Check(string weights, WeightSpec spec, string file, string hash)
    {
        if (spec.Sha256 is { } expected)
            return string.Equals(expected, hash, StringComparison.OrdinalIgnoreCase)
                ? null
                : $"{file} has the SHA-256 {hash}, but the recipe expects {expected}: delete it to fetch it again";
        var relative = Path.GetRelativePath(weights, file);
        lock (Gate)
        {
            var path = Path.Combine(weights, WeightsCache.HashFile);
            var lines = File.Exists(path) ? File.ReadAllLines(path).ToList() : [];
            var recorded = lines.Select(l => l.Split("  ", 2)).FirstOrDefault(p => p.Length == 2 && p[1] == relative)?[0];
            if (recorded is not null)
                return recorded == hash
                    ? null
                    : $"{file} changed since it was first fetched (SHA-256 {hash}, recorded {recorded} in {path}): delete the file and its line to fetch it again";
            lines.Add($"{hash}  {relative}");
            AtomicFile.WriteAllText(path, string.Concat(lines.Select(l => l + "\n")));
            return null;
        }
    }
}
