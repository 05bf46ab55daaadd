namespace MaskBench.Tools.Processes;

/// <summary>Stops the whole tree of processes a hosted process started, however deep and wherever it runs.</summary>
internal interface IProcessTreeStopper
{
    /// <summary>Called once the local program has a process id.</summary>
    void Started(int processId);

    /// <summary>Asks every process of the tree to stop (SIGINT, as Ctrl+C would).</summary>
    Task InterruptAsync();

    /// <summary>Kills every process of the tree that is still there (SIGKILL).</summary>
    Task KillAsync();

    /// <summary>True when no process of the tree is left.</summary>
    Task<bool> IsGoneAsync();

    /// <summary>The processes of the tree still there, each as <c>pid N (command line)</c>, for a warning.</summary>
    IReadOnlyList<string> Left() => [];
}
