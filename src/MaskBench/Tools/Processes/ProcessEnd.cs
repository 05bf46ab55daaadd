namespace MaskBench.Tools.Processes;

/// <summary>How a command ended.</summary>
internal enum ProcessEnd
{
    /// <summary>It exited by itself; the exit code says how.</summary>
    Exited,

    /// <summary>It could not be started (the program is not there).</summary>
    NotStarted,

    /// <summary>It ran past its timeout and its tree was stopped.</summary>
    TimedOut,
}
