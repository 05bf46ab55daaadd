using MaskBench.Foundation.Files;

namespace MaskBench.Engine;

/// <summary>What a target's last successful run depended on and made. Written only after success.</summary>
internal sealed record Stamp(
    string Target,
    IReadOnlyDictionary<string, string> Inputs,
    IReadOnlyDictionary<string, string?> Outputs,
    DateTimeOffset Completed
)
{
    /// <summary>The shape of this record; a stamp of another version is treated as absent (the target reruns).
    /// Stamps written before versions were recorded have none and are read as this version.</summary>
    public const int CurrentVersion = 1;

    public int Version { get; init; } = CurrentVersion;

    /// <summary>One identity for all outputs, which downstream targets take as an input.</summary>
    public string OutputIdentity =>
        Hashing.Text(string.Join("\n", Outputs.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key}={o.Value}")));
}
