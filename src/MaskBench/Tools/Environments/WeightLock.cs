using Serilog;

namespace MaskBench.Tools.Environments;

/// <summary>A lock per weight file (<c>.locks/&lt;name&gt;.lock</c> beside it, held open without sharing: an flock the
/// kernel drops when the holder dies), so that builds sharing one <c>--weights</c> folder fetch each file once. Lock
/// files stay (removing one another build waits on would let a third take the lock beside it).</summary>
sealed class WeightLock : IAsyncDisposable
{
    static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);
    static readonly TimeSpan SayEvery = TimeSpan.FromSeconds(30);

    readonly FileStream held;

    WeightLock(FileStream held) => this.held = held;

    public static async Task<WeightLock> AcquireAsync(string file, CancellationToken cancellation)
    {
        var locks = Directory.CreateDirectory(Path.Combine(Path.GetDirectoryName(file)!, ".locks")).FullName;
        var path = Path.Combine(locks, Path.GetFileName(file) + ".lock");
        var waited = System.Diagnostics.Stopwatch.StartNew();
        var said = TimeSpan.Zero;
        while (true)
        {
            try
            {
                return new WeightLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (File.Exists(path))
            {
                if (waited.Elapsed >= said)
                {
                    Log.Information(
                        "waiting for another build that is fetching {File} ({Lock} is held; {Seconds:0} s so far)",
                        file,
                        path,
                        waited.Elapsed.TotalSeconds
                    );
                    said = waited.Elapsed + SayEvery;
                }
                await Task.Delay(Poll, cancellation);
            }
        }
    }

    public ValueTask DisposeAsync() => held.DisposeAsync();
}
