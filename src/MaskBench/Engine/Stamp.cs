using MaskBench.Files;
using Newtonsoft.Json;

namespace MaskBench.Engine;

/// <summary>What a target's last successful run depended on and made. Written only after success.</summary>
internal sealed record Stamp(
    string Target,
    IReadOnlyDictionary<string, string> Inputs,
    IReadOnlyDictionary<string, string?> Outputs,
    DateTimeOffset Completed
)
{
    /// <summary>One identity for all outputs, which downstream targets take as an input.</summary>
    public string OutputIdentity =>
        Hashing.Text(string.Join("\n", Outputs.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key}={o.Value}")));
}

/// <summary>One JSON file per target in a folder; each written atomically (temp file, then rename).</summary>
internal sealed class StampStore(string directory)
{
    public string Directory { get; } = directory;

    public Stamp? Read(string target)
    {
        var path = PathOf(target);
        if (!File.Exists(path))
            return null;
        try
        {
            return JsonConvert.DeserializeObject<Stamp>(File.ReadAllText(path));
        }
        catch (JsonException)
        {
            return null; // an unreadable stamp is the same as none: the target reruns
        }
    }

    public void Write(Stamp stamp) =>
        AtomicFile.WriteAllText(PathOf(stamp.Target), JsonConvert.SerializeObject(stamp, Formatting.Indented));

    public void Delete(string target) => File.Delete(PathOf(target));

    string PathOf(string target) => Path.Combine(Directory, target + ".json");
}
