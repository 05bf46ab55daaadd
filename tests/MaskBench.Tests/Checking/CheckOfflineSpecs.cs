using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MaskBench.Stages.Setup.Check;

namespace MaskBench.Tests.Checking;

/// <summary>Check where nothing answers: a port that accepts connections and never replies, and a closed port.
/// Every reference is unreachable, named as such, within a bounded time.</summary>
[Trait(Needs.Trait, Needs.Registry)]
public class CheckOfflineSpecs
{
    /// <summary>Accepts every connection and never writes a byte.</summary>
    sealed class SilentPort : IDisposable
    {
        readonly TcpListener listener = new(IPAddress.Loopback, 0);
        readonly List<TcpClient> held = [];

        public SilentPort()
        {
            listener.Start();
            _ = Task.Run(async () =>
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
            });
        }

        public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

        public void Dispose()
        {
            listener.Stop();
            lock (held)
                held.ForEach(c => c.Dispose());
        }
    }

    [Fact(Timeout = 120_000)]
    public async Task Offline_every_reference_is_unreachable_within_a_bounded_time()
    {
        // Arrange
        using var silent = new SilentPort();
        var closed = LocalRegistry.FreePort();
        using var scenario = new CheckScenario();
        var recipe = scenario.Write(
            $"git://127.0.0.1:{silent.Port}/source.git",
            new string('a', 40),
            LocalRegistry.Image,
            null,
            ($"git://127.0.0.1:{closed}/dependency.git", new string('b', 40)),
            $"http://127.0.0.1:{closed}/get-pip.py",
            $"http://127.0.0.1:{silent.Port}/weights.pkl",
            "numpy==1.18.5",
            "six==1.15.0",
            "yacs==0.1.7"
        );
        var options = CheckSpecs.Options(
            scenario.Root,
            new Uri($"http://127.0.0.1:{silent.Port}/"),
            new Uri($"http://127.0.0.1:{closed}/")
        ) with
        {
            ProbeTimeout = TimeSpan.FromSeconds(2),
            Budget = TimeSpan.FromSeconds(30),
        };
        var clock = Stopwatch.StartNew();

        // Act
        var report = await RecipeCheck.RunAsync([recipe], options);

        // Assert: each silent host costs about one probe timeout (later probes of it are answered at once)
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"took {clock.Elapsed}");
        Assert.True(report.Failed);
        Assert.True(report.NothingReached); // one line, not the table
        var probed = report.Results.Where(r => r.Reference.Kind is "git" or "image" or "pip" or "url").ToList();
        Assert.Equal(8, probed.Count);
        Assert.All(probed, r => Assert.Equal(CheckStatus.Unreachable, r.Status));
        Assert.Contains(probed, r => r.Fix.Contains("did not answer within 2 s", StringComparison.Ordinal));
        Assert.Contains(probed, r => r.Fix.Contains("Connection refused", StringComparison.OrdinalIgnoreCase));
    }
}
