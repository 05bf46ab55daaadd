using MaskBench.Foundation.Files;
using MaskBench.Model.Catalog;
using Serilog;

namespace MaskBench.Tools.Environments;

/// <summary>A file of ImageNet-pretrained weights where the implementation will look for it, with its hash.</summary>
internal sealed record WeightFile(string Name, string Path, string Sha256);

/// <summary>The ImageNet-pretrained weights each recipe loads: fetched once into <c>--weights DIR</c>, checked by
/// hash (the recipe's, or the one recorded when the file was first fetched, in <c>weights.sha256</c>), and
/// put where each implementation looks, so that a node without internet trains all the same.</summary>
internal static class WeightsCache
{
    public const string HashFile = "weights.sha256";

    /// <summary>How long one download may take in all (a server that stops sending).</summary>
    static readonly TimeSpan DownloadTimeout = TimeSpan.FromHours(2);

    /// <summary>How long a download may go without a byte (a server that accepts and never answers) before it is given up.</summary>
    public static readonly TimeSpan StallTimeout = TimeSpan.FromSeconds(60);

    /// <param name="download">False on a node without internet: a missing file is then an error, not a fetch.</param>
    /// <param name="stall">How long without a byte is a stalled download; <see cref="StallTimeout"/> when null.</param>
    public static async Task<IReadOnlyList<WeightFile>> EnsureAsync(
        Recipe recipe,
        string weights,
        string sourceDirectory,
        bool download = true,
        HttpClient? http = null,
        CancellationToken cancellation = default,
        TimeSpan? stall = null
    )
    {
        weights = Path.GetFullPath(weights);
        Directory.CreateDirectory(weights);
        var problems = new List<string>();
        var files = new List<WeightFile>();
        foreach (var (spec, i) in recipe.Weights.Select((w, i) => (w, i)))
        {
            // Where the implementation looks, checked before anything is fetched or linked.
            var inTree = spec.Path.Contains("{weights}", StringComparison.Ordinal)
                ? null
                : SourceTree.Inside(recipe.Id, sourceDirectory, spec.Path, LastComponent.Replaced, $"field 'weights[{i}].path'");
            var inCache = spec.Path.Contains("{weights}", StringComparison.Ordinal)
                ? Path.GetFullPath(Placeholders.Fill(spec.Path, new Dictionary<string, string> { ["weights"] = weights }))
                : Path.Combine(weights, spec.Name);
            var problem = await FetchAsync(spec, weights, inCache, download, http, stall ?? StallTimeout, cancellation);
            if (problem is not null)
            {
                problems.Add(problem);
                continue;
            }
            var hash = await HashAsync(inCache, cancellation);
            problem = WeightHashes.Check(weights, spec, inCache, hash);
            if (problem is not null)
            {
                problems.Add(problem);
                continue;
            }
            if (inTree is not null)
                SymbolicLinks.Replace(inTree, inCache);
            files.Add(new WeightFile(spec.Name, inCache, hash));
        }
        if (problems.Count > 0)
            throw new RunnerException(string.Join("\n", problems));
        return files;
    }

    static async Task<string?> FetchAsync(
        WeightSpec spec,
        string weights,
        string inCache,
        bool download,
        HttpClient? http,
        TimeSpan stall,
        CancellationToken cancellation
    )
    {
        if (File.Exists(inCache))
            return null;
        var flat = Path.Combine(weights, spec.Name);
        if (File.Exists(flat) && flat != inCache)
        {
            SymbolicLinks.Replace(inCache, flat);
            return null;
        }
        if (spec.Url is null)
            return $"{spec.Name} has no download address: put the file at {flat} (see the recipe's notes)";
        if (!download)
            return $"{spec.Name} is not in {weights} and this node does not download: fetch {spec.Url} into {flat} on a machine with internet";
        Directory.CreateDirectory(Path.GetDirectoryName(inCache)!);
        // Another build sharing --weights may be fetching the same file: one fetches, the others wait and reuse it.
        await using var held = await WeightLock.AcquireAsync(inCache, cancellation);
        if (File.Exists(inCache))
        {
            Log.Information("{Name} was fetched by another build meanwhile: reusing {Path}", spec.Name, inCache);
            return null;
        }
        var partial = $"{inCache}.{Environment.ProcessId}.{Guid.NewGuid():N}.partial";
        Log.Information("fetching {Name} from {Url} (given up after {Stall} s without a byte)", spec.Name, spec.Url, stall.TotalSeconds);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        limit.CancelAfter(DownloadTimeout);
        // Cancelled when no byte came for `stall`; every read that brings bytes sets it again.
        using var stalled = CancellationTokenSource.CreateLinkedTokenSource(limit.Token);
        stalled.CancelAfter(stall);
        void Alive() => stalled.CancelAfter(stall);
        try
        {
            await using (var target = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                var uri = new Uri(spec.Url);
                if (uri.IsFile)
                {
                    await using var source = File.OpenRead(uri.LocalPath);
                    await DownloadProgress.CopyAsync(spec.Name, source, source.Length, target, Alive, stalled.Token);
                }
                else
                {
                    using var client = http is null ? new HttpClient { Timeout = Timeout.InfiniteTimeSpan } : null;
                    using var response = await (http ?? client!).GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, stalled.Token);
                    response.EnsureSuccessStatusCode();
                    await using var source = await response.Content.ReadAsStreamAsync(stalled.Token);
                    Alive();
                    await DownloadProgress.CopyAsync(
                        spec.Name,
                        source,
                        response.Content.Headers.ContentLength,
                        target,
                        Alive,
                        stalled.Token
                    );
                }
            }
            File.Move(partial, inCache);
            return null;
        }
        catch (OperationCanceledException) when (!limit.IsCancellationRequested)
        {
            return $"cannot fetch {spec.Name} from {spec.Url}: no byte came for {stall.TotalSeconds:0.#} s (the server accepted and stopped sending): check the address, retry later, or put the file at {flat} by hand";
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            return $"cannot fetch {spec.Name} from {spec.Url} (no complete download within {DownloadTimeout}): put the file at {flat} by hand";
        }
        catch (Exception e)
            when (!cancellation.IsCancellationRequested
                && e is HttpRequestException or IOException or TaskCanceledException or UnauthorizedAccessException
            )
        {
            return $"cannot fetch {spec.Name} from {spec.Url} ({e.Message}): put the file at {flat} by hand";
        }
        finally
        {
            File.Delete(partial); // this download's own partial file only (gone after the move)
        }
    }

    static Task<string> HashAsync(string path, CancellationToken cancellation) => Hashing.FileAsync(path, cancellation);
}
