using System.Collections.Concurrent;

namespace MaskBench.Tools.Processes;

/// <summary>Starts every child process from one thread that lives as long as MaskBench. The kernel sends a
/// parent-death signal when the <em>thread</em> that forked the child ends, not the process: a child started from
/// a thread-pool thread would be killed when the pool retires that thread.</summary>
static class Spawner
{
    static readonly BlockingCollection<Action> Work = [];

    static Spawner()
    {
        var thread = new Thread(() =>
        {
            foreach (var action in Work.GetConsumingEnumerable())
                action();
        })
        {
            IsBackground = true,
            Name = "MaskBench process starter",
        };
        using (ExecutionContext.SuppressFlow()) // the thread serves every target: it must not carry the first one's log context
            thread.Start();
    }

    /// <summary>Runs <paramref name="start"/> (which must return quickly: a fork and exec) on the starter thread, in
    /// the caller's execution context: what it starts (the output pumps) logs as the caller's target.</summary>
    public static T Run<T>(Func<T> start)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var caller = ExecutionContext.Capture();
        Work.Add(() =>
        {
            try
            {
                if (caller is null)
                    done.SetResult(start());
                else
                    ExecutionContext.Run(caller, _ => done.SetResult(start()), null);
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
        });
        // The spawner's point: the caller waits the moment a fork takes, on the one long-lived thread that forks.
#pragma warning disable RS0030
        return done.Task.GetAwaiter().GetResult();
#pragma warning restore RS0030
    }
}
