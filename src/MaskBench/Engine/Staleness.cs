namespace MaskBench.Engine;

/// <summary>Why a tracked target must run, in words, comparing its stamp with now (DVC's <c>status</c>).</summary>
internal static class Staleness
{
    public static IReadOnlyList<Reason> Reasons(
        Stamp? stamp,
        IReadOnlyDictionary<string, string> inputs,
        IReadOnlyDictionary<string, string?> outputs
    )
    {
        if (stamp is null)
            return [new("never-ran", "never ran successfully")];
        var reasons = new List<Reason>();
        foreach (var (key, value) in inputs)
        {
            if (!stamp.Inputs.TryGetValue(key, out var before))
                reasons.Add(new("input-new", $"{key} is new", key, null, value));
            else if (before != value)
                reasons.Add(
                    new(
                        "input-changed",
                        key.StartsWith("parameter ", StringComparison.Ordinal)
                            ? $"{key} changed ({Short(before)} → {Short(value)})"
                            : $"{key} changed",
                        key,
                        before,
                        value
                    )
                );
        }
        reasons.AddRange(stamp.Inputs.Where(input => !inputs.ContainsKey(input.Key)).Select(input => Dropped(input.Key, input.Value)));
        foreach (var (name, identity) in outputs)
        {
            if (identity is null)
                reasons.Add(new("output-missing", $"output {name} is missing", name, stamp.Outputs.GetValueOrDefault(name)));
            else if (!stamp.Outputs.TryGetValue(name, out var made) || made != identity)
                reasons.Add(new("output-changed", $"output {name} changed since it was made", name, made, identity));
        }
        return reasons;
    }

    /// <summary>An input of the stamp that is not one now: a file still there is only no longer an input (another
    /// <c>--from</c>, fewer runs); one that is not there is gone.</summary>
    static Reason Dropped(string key, string before) =>
        key.StartsWith(FingerprintBuilder.FileKey, StringComparison.Ordinal) && Path.Exists(key[FingerprintBuilder.FileKey.Length..])
            ? new("input-dropped", $"{key} is no longer an input", key, before)
            : new("input-gone", $"{key} is gone", key, before);

    static string Short(string value) => value.Length <= 40 ? value : value[..37] + "...";
}
