namespace MaskBench.Stages.Train;

/// <summary>How the runner ends a training. <c>cap</c>: the implementation stops itself (its own iteration cap);
/// <c>watch</c>: the runner stops the process tree once the watcher has seen the window.</summary>
/// <param name="Grace">Between the interrupt (SIGINT) and the kill (SIGKILL).</param>
/// <param name="CapExit">In <c>cap</c> mode, how long a process may take to exit by itself after the window (checkpoint, teardown) before it is stopped.</param>
/// <param name="AfterFailure">How long a process may go on after a failure signature before it is stopped.</param>
internal sealed record StopPolicy(string Mode, TimeSpan Grace, TimeSpan CapExit, TimeSpan AfterFailure)
{
    /// <summary>A short CapExit (30 s): after the window a capped trainer only writes a checkpoint and tears down;
    /// the runner says that it waits, and for how long.</summary>
    public static StopPolicy For(string mode) => new(mode, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(10));
}
