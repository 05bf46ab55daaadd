using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MaskBench.Model.Catalog;
using MaskBench.Tools.Git;

namespace MaskBench.Tests.Git;

[Trait(Needs.Trait, Needs.Processes)]
public sealed class SilentRemoteSpecs : IDisposable
{
    readonly UpstreamFixture fixture = new();
    readonly TcpListener listener = new(IPAddress.Loopback, 0);
    readonly List<TcpClient> held = [];

    public SilentRemoteSpecs()
    {
        listener.Start();
        _ = AcceptForeverAsync();
    }

    /// <summary>Accepts every connection and never answers, like a remote behind a broken proxy.</summary>
    async Task AcceptForeverAsync()
    {
        try
        {
            while (true)
            {
                var client = await listener.AcceptTcpClientAsync();
                lock (held)
                    held.Add(client);
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException) { }
    }

    public void Dispose()
    {
        listener.Stop();
        lock (held)
            held.ForEach(c => c.Dispose());
        fixture.Dispose();
    }

    [Theory(Timeout = 60_000)]
    [InlineData("http")]
    [InlineData("git")]
    public async Task A_remote_that_accepts_the_connection_and_never_answers_fails_within_the_timeout(string scheme)
    {
        // Arrange
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var source = new SourceSpec($"{scheme}://127.0.0.1:{port}/owner/x.git", new string('a', 40), null, "owner/x");
        var clock = Stopwatch.StartNew();

        // Act
        var error = await Assert.ThrowsAsync<GitException>(() =>
            Task.Run(() => GitSource.Clone(source, fixture.Destination, null, timeout: TimeSpan.FromSeconds(3)))
        );

        // Assert
        Assert.InRange(clock.Elapsed.TotalSeconds, 2.5, 20);
        Assert.Equal(
            $"cannot fetch {scheme}://127.0.0.1:{port}/owner/x.git: no answer within 00:00:03 (git was stopped); check that the remote is reachable, or raise the clone timeout",
            error.Message
        );
    }
}
