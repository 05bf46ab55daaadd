namespace MaskBench.History;

/// <summary>Bad input to the history, Compare, Bisect or Track: one line naming the thing and the fix.</summary>
public sealed class HistoryException(string message) : Exception(message), IUserError;
