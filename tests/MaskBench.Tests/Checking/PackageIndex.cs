using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace MaskBench.Tests.Checking;

/// <summary>A package index and a download server on loopback (System.Net.HttpListener): the JSON API
/// (<c>/pypi/&lt;name&gt;/&lt;version&gt;/json</c>), the simple API (<c>/simple/&lt;name&gt;/</c>) and files, from a
/// table of path → body the test gives. It records every request, so a test can show that nothing was downloaded.</summary>
sealed class PackageIndex : IDisposable
{
    readonly HttpListener listener = new();
    readonly IReadOnlyDictionary<string, (string Type, byte[] Body)> routes;

    public Uri Url { get; }

    public ConcurrentQueue<string> Requests { get; } = new();

    public long BytesSent;

    public PackageIndex(IReadOnlyDictionary<string, (string Type, byte[] Body)> routes)
    {
        this.routes = routes;
        var port = LocalRegistry.FreePort();
        Url = new Uri($"http://127.0.0.1:{port}/");
        listener.Prefixes.Add(Url.ToString());
        listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public static (string, byte[]) Json(string text) => ("application/json", Encoding.UTF8.GetBytes(text));

    public static (string, byte[]) Release(string version, string? requiresPython, params string[] files) =>
        Json(
            $$"""{"info":{"version":"{{version}}","requires_python":{{(requiresPython is null ? "null" : $"\"{requiresPython}\"")}}},"urls":[{{string.Join(
                ",",
                files.Select(f => $$"""{"filename":"{{f}}","yanked":false}""")
            )}}]}"""
        );

    async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            var path = context.Request.Url!.AbsolutePath;
            Requests.Enqueue($"{context.Request.HttpMethod} {path}");
            using var response = context.Response;
            if (!routes.TryGetValue(path, out var route))
            {
                response.StatusCode = 404;
                continue;
            }
            response.ContentType = route.Type;
            response.ContentLength64 = route.Body.Length;
            if (context.Request.HttpMethod != "HEAD")
            {
                Interlocked.Add(ref BytesSent, route.Body.Length);
                try
                {
                    await response.OutputStream.WriteAsync(route.Body);
                }
                catch (HttpListenerException) { }
            }
        }
    }

    public void Dispose()
    {
        listener.Stop();
        listener.Close();
    }
}
