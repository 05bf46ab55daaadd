namespace MaskBench.Engine;

/// <summary>Why a tracked target must run, in words, comparing its stamp with now (DVC's <c>status</c>).</summary>
internal static class Staleness
{
    public static IReadOnlyList<string> Reasons(
        Stamp? stamp,
        IReadOnlyDictionary<string, string> inputs,
        IReadOnlyDictionary<string, string?> outputs
    )
    {
        if (stamp is null)
            return ["never ran successfully"];
        var reasons = new List<string>();
        foreach (var (key, value) in inputs)
        {
            if (!stamp.Inputs.TryGetValue(key, out var before))
                reasons.Add($"{key} is new");
            else if (before != value)
                reasons.Add(
                    key.StartsWith("parameter ", StringComparison.Ordinal)
                        ? $"{key} changed ({Short(before)} → {Short(value)})"
                        : $"{key} changed"
                );
        }
        reasons.AddRange(stamp.Inputs.Keys.Where(key => !inputs.ContainsKey(key)).Select(Dropped));
        foreach (var (name, identity) in outputs)
        {
            if (identity is null)
                reasons.Add($"output {name} is missing");
            else if (!stamp.Outputs.TryGetValue(name, out var made) || made != identity)
                reasons.Add($"output {name} changed since it was made");
        }
        return reasons;
    }

    /// <summary>An input of the stamp that is not one now: a file still there is only no longer an input (another
    /// <c>--from</c>, fewer runs); one that is not there is gone.</summary>
    static string Dropped(string key) =>
        key.StartsWith(FingerprintBuilder.FileKey, StringComparison.Ordinal) && Path.Exists(key[FingerprintBuilder.FileKey.Length..])
            ? $"{key} is no longer an input"
            : $"{key} is gone";

    static string Short(string value) => value.Length <= 40 ? value : value[..37] + "...";
}
