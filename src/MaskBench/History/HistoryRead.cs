namespace MaskBench.History;

/// <summary>What <see cref="HistoryStore.ReadAll"/> found: the records, and the files it could not read with why.</summary>
public sealed record HistoryRead(IReadOnlyList<HistoryRecord> Records, IReadOnlyList<string> Unreadable);
