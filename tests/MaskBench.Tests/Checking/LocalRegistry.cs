using System.Net;
using System.Net.Sockets;
using CliWrap;
using CliWrap.Buffered;
using MaskBench.Tests.Environments;

namespace MaskBench.Tests.Checking;

/// <summary>Debian's docker-registry on a free loopback port with a temporary storage folder, holding a tiny image
/// (busybox) that podman imported and pushed; stopped and deleted when the tests are done.</summary>
public sealed class LocalRegistry : IAsyncLifetime
{
    readonly string folder = Directory.CreateTempSubdirectory("maskbench-registry-").FullName;
    CancellationTokenSource? stop;
    Task? serving;

    public Uri Url { get; private set; } = null!;

    /// <summary>The image as a recipe names it (docker.io/library/tiny:1, which the tests map to this registry).</summary>
    public const string Image = "tiny:1";

    public string Digest { get; private set; } = "";

    public long ImageBytes { get; private set; }

    public async Task InitializeAsync()
    {
        var port = FreePort();
        Url = new Uri($"http://127.0.0.1:{port}/");
        var config = Path.Combine(folder, "config.yml");
        File.WriteAllText(
            config,
            $"version: 0.1\nlog:\n  level: error\nstorage:\n  filesystem:\n    rootdirectory: {Path.Combine(folder, "data")}\nhttp:\n  addr: 127.0.0.1:{port}\n"
        );
        stop = new CancellationTokenSource();
        serving = Cli.Wrap("docker-registry")
            .WithArguments(["serve", config])
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(stop.Token)
            .Task;
        await WaitForAsync(new Uri(Url, "v2/"));

        var rootfs = Path.Combine(folder, "rootfs");
        Directory.CreateDirectory(Path.Combine(rootfs, "bin"));
        File.Copy("/bin/busybox", Path.Combine(rootfs, "bin", "busybox"));
        var tar = Path.Combine(folder, "tiny.tar");
        await Cli.Wrap("tar").WithArguments(["-C", rootfs, "-cf", tar, "."]).ExecuteAsync();
        ImageBytes = new FileInfo(tar).Length;
        var local = $"localhost/maskbench-check-tiny:{port}";
        await Podman.RunAsync("import", tar, local);
        var digestFile = Path.Combine(folder, "digest");
        await Podman.RunAsync(
            "push",
            "--tls-verify=false",
            "--digestfile",
            digestFile,
            local,
            $"docker://127.0.0.1:{port}/library/{Image}"
        );
        await Podman.RunAsync("rmi", local);
        Digest = File.Exists(digestFile)
            ? File.ReadAllText(digestFile).Trim()
            : throw new InvalidOperationException("podman push left no digest: is podman set up (scripts/install-test-deps.sh)?");
    }

    static async Task WaitForAsync(Uri url)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(1) };
        var until = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            try
            {
                if ((await client.GetAsync(url)).StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { }
            if (DateTime.UtcNow > until)
                throw new InvalidOperationException(
                    $"docker-registry did not answer at {url} within 20 s: is the docker-registry package installed?"
                );
            await Task.Delay(100);
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task DisposeAsync()
    {
        stop?.Cancel();
        try
        {
            if (serving is not null)
                await serving;
        }
        catch (OperationCanceledException) { }
        stop?.Dispose();
        Directory.Delete(folder, recursive: true);
    }
}
