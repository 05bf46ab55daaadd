namespace MaskBench.History;

/// <summary>What <see cref="HistoryStore.ReadAll"/> found: the records, and the files it could not read with why.</summary>
internal sealed record HistoryRead(IReadOnlyList<HistoryRecord> Records, IReadOnlyList<string> Unreadable)
{
    /// <summary>One line naming the runs an older MaskBench recorded without a comparability key; null when there are none.</summary>
    public string? UnkeyedNote => Unkeyed(Records);

    public static string? Unkeyed(IEnumerable<HistoryRecord> records) =>
        records.Count(r => r.Key is null) is var n and > 0
            ? $"{n} run{(n == 1 ? "" : "s")} of the history {(n == 1 ? "was" : "were")} recorded by an older MaskBench (schema 1) without a comparability key or GPU verdict: kept apart from keyed runs, pooled only with each other"
            : null;
}
