using System.Diagnostics;

namespace MaskBench.Tools.Processes;

/// <summary>Stops a process tree: interrupt, wait up to the grace period, kill what is left, wait until
/// nothing is left. Returns the clock's time when the tree was gone, null when it survived the kill.</summary>
static class TreeStop
{
    static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(25);
    static readonly TimeSpan KillWait = TimeSpan.FromSeconds(15);

    public static async Task<double?> RunAsync(IProcessTreeStopper stopper, TimeSpan grace, Stopwatch clock)
    {
        await stopper.InterruptAsync();
        if (await WaitGoneAsync(stopper, grace))
            return clock.Elapsed.TotalSeconds;
        Serilog.Log.Information("the process tree is still there {Grace} after the interrupt: killing it", grace);
        await stopper.KillAsync();
        if (await WaitGoneAsync(stopper, KillWait))
            return clock.Elapsed.TotalSeconds;
        Serilog.Log.Error(
            "the process tree is still there {Wait} after SIGKILL: its processes may still hold the GPUs; stop them by hand (ps, {Hint})",
            KillWait,
            "docker/podman ps --filter label=maskbench=run"
        );
        return null;
    }

    static async Task<bool> WaitGoneAsync(IProcessTreeStopper stopper, TimeSpan limit)
    {
        var until = Stopwatch.StartNew();
        do
        {
            if (await stopper.IsGoneAsync())
                return true;
            await Task.Delay(Poll);
        } while (until.Elapsed < limit);
        return await stopper.IsGoneAsync();
    }
}
