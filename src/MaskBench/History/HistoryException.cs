namespace MaskBench.History;

/// <summary>Bad input to the history, Compare, Bisect or Track: one line naming the thing and the fix.</summary>
internal sealed class HistoryException(string message) : MaskBenchException(message);
