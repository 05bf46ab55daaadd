using System.Diagnostics;
using Serilog;

namespace MaskBench.Tools.Environments;

/// <summary>Copies a download with a progress line every few seconds (bytes, percent when the size is known, speed).</summary>
static class DownloadProgress
{
    static readonly TimeSpan Every = TimeSpan.FromSeconds(10);

    /// <param name="alive">Called after every read that brought bytes (the stall watch).</param>
    public static async Task CopyAsync(string name, Stream source, long? total, Stream target, Action alive, CancellationToken cancellation)
    {
        var buffer = new byte[1 << 16];
        var clock = Stopwatch.StartNew();
        var next = Every;
        long copied = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, cancellation)) > 0)
        {
            alive();
            await target.WriteAsync(buffer.AsMemory(0, read), cancellation);
            copied += read;
            if (clock.Elapsed < next)
                continue;
            next = clock.Elapsed + Every;
            var share = total is > 0 ? $" of {total / 1048576.0:0.0} MB ({100.0 * copied / total:0}%)" : "";
            Log.Information(
                "fetching {Name}: {Done:0.0} MB{Share}, {Speed:0.0} MB/s",
                name,
                copied / 1048576.0,
                share,
                copied / 1048576.0 / clock.Elapsed.TotalSeconds
            );
        }
    }
}
