using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;

namespace MaskBench.Stages.Setup.Check;

/// <param name="Status">The HTTP status; null when no answer came (<see cref="Failure"/> says why).</param>
/// <param name="Bytes">Headers and body received.</param>
sealed record HttpAnswer(HttpStatusCode? Status, HttpResponseHeaders? Headers, byte[] Body, long Bytes, string? Failure)
{
    public bool Ok => Status is { } s && (int)s is >= 200 and < 300;
}

/// <summary>The HTTP side of Check: one client, every request bounded by the probe timeout and by the whole check's
/// budget, and a host that did not answer once is not asked again (offline, each host costs one timeout).</summary>
sealed class Http(CheckOptions options, CancellationToken budget) : IDisposable
{
    const int MaxBody = 8 * 1024 * 1024;
    readonly ConcurrentDictionary<string, string> silent = new(StringComparer.OrdinalIgnoreCase);
    readonly HttpClient client = new(
        new SocketsHttpHandler { ConnectTimeout = options.ProbeTimeout, AutomaticDecompression = DecompressionMethods.All }
    )
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    /// <summary>Why the host did not answer an earlier probe; null when it did or was not asked.</summary>
    public string? Silent(string host) => silent.GetValueOrDefault(host);

    public void MarkSilent(string host, string why) => silent.TryAdd(host, why + " (an earlier probe)");

    public CancellationToken Budget => budget;

    public async Task<HttpAnswer> SendAsync(HttpRequestMessage request, bool readBody)
    {
        var host = request.RequestUri!.Authority;
        if (silent.TryGetValue(host, out var earlier))
            return new HttpAnswer(null, null, [], 0, earlier);
        request.Headers.UserAgent.ParseAdd("MaskBench-Check/1");
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(budget);
        limit.CancelAfter(options.ProbeTimeout);
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, limit.Token);
            var body = readBody ? await ReadAsync(response, limit.Token) : [];
            var headerBytes = response.Headers.Concat(response.Content.Headers).Sum(h => h.Key.Length + 4 + h.Value.Sum(v => v.Length));
            return new HttpAnswer(response.StatusCode, response.Headers, body, headerBytes + body.Length + 16, null);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
        {
            var why =
                budget.IsCancellationRequested ? $"Check's time budget ({options.Budget.TotalSeconds:0} s) ran out"
                : e is OperationCanceledException ? $"{host} did not answer within {options.ProbeTimeout.TotalSeconds:0} s"
                : $"{host}: {Innermost(e).Message}";
            MarkSilent(host, why);
            return new HttpAnswer(null, null, [], 0, why);
        }
    }

    static async Task<byte[]> ReadAsync(HttpResponseMessage response, CancellationToken cancellation)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellation);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellation)) > 0 && buffer.Length < MaxBody)
            buffer.Write(chunk, 0, read);
        return buffer.ToArray();
    }

    static Exception Innermost(Exception e) => e.InnerException is null ? e : Innermost(e.InnerException);

    public void Dispose() => client.Dispose();
}
