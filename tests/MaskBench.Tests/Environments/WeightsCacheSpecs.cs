using System.Security.Cryptography;
using MaskBench.Model.Catalog;
using MaskBench.Tests.Running;
using MaskBench.Tools.Environments;

namespace MaskBench.Tests.Environments;

[Trait(Needs.Trait, Needs.Processes)]
public class WeightsCacheSpecs
{
    static Recipe WithWeights(params WeightSpec[] weights) =>
        RecipeLoader.Load(Paths.Repository("recipes", "simpledet.json")) with
        {
            Weights = weights,
        };

    static string Published(string root, string name, string content)
    {
        var path = Path.Combine(Directory.CreateDirectory(Path.Combine(root, "mirror")).FullName, name);
        File.WriteAllText(path, content);
        return new Uri(path).AbsoluteUri;
    }

    [Fact]
    public async Task Weights_are_fetched_once_recorded_by_hash_and_linked_where_the_implementation_looks()
    {
        // Arrange
        using var scratch = new FakeTraining();
        var url = Published(scratch.Root, "R-50.pkl", "weights");
        var weights = Path.Combine(scratch.Root, "weights");
        var recipe = WithWeights(new WeightSpec("R-50.pkl", url, null, "pretrain_model/R-50.pkl"));

        // Act
        var first = await WeightsCache.EnsureAsync(recipe, weights, scratch.Root);
        File.Delete(new Uri(url).LocalPath);
        var second = await WeightsCache.EnsureAsync(recipe, weights, scratch.Root, download: false);

        // Assert
        var hash = Convert.ToHexStringLower(SHA256.HashData("weights"u8));
        Assert.Equal(hash, first.Single().Sha256);
        Assert.Equal(first, second);
        Assert.Equal($"{hash}  R-50.pkl", File.ReadAllText(Path.Combine(weights, WeightsCache.HashFile)).Trim());
        Assert.Equal("weights", File.ReadAllText(Path.Combine(scratch.Root, "pretrain_model", "R-50.pkl")));
    }

    [Fact]
    public async Task A_file_whose_hash_changed_is_refused()
    {
        // Arrange
        using var scratch = new FakeTraining();
        var weights = Directory.CreateDirectory(Path.Combine(scratch.Root, "weights")).FullName;
        var recipe = WithWeights(new WeightSpec("R-50.pkl", Published(scratch.Root, "R-50.pkl", "good"), null, "{weights}/R-50.pkl"));
        await WeightsCache.EnsureAsync(recipe, weights, scratch.Root);
        File.WriteAllText(Path.Combine(weights, "R-50.pkl"), "corrupted");

        // Act
        var error = await Assert.ThrowsAsync<RunnerException>(() => WeightsCache.EnsureAsync(recipe, weights, scratch.Root));

        // Assert
        Assert.Contains("changed since it was first fetched", error.Message);
    }

    [Fact]
    public async Task Missing_weights_without_an_address_or_offline_say_where_to_put_them()
    {
        // Arrange
        using var scratch = new FakeTraining();
        var weights = Path.Combine(scratch.Root, "weights");
        var recipe = WithWeights(
            new WeightSpec("resnet-v1-50-0000.params", null, null, "pretrain_model/resnet-v1-50-0000.params"),
            new WeightSpec("R-50.pkl", "https://example.invalid/R-50.pkl", null, "{weights}/R-50.pkl")
        );

        // Act
        var error = await Assert.ThrowsAsync<RunnerException>(() =>
            WeightsCache.EnsureAsync(recipe, weights, scratch.Root, download: false)
        );

        // Assert
        var lines = error.Message.Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.Contains($"put the file at {Path.Combine(weights, "resnet-v1-50-0000.params")}", lines[0]);
        Assert.Contains("this node does not download", lines[1]);
    }

    [Fact]
    public async Task A_hash_the_recipe_gives_is_checked()
    {
        // Arrange
        using var scratch = new FakeTraining();
        var recipe = WithWeights(
            new WeightSpec("R-50.pkl", Published(scratch.Root, "R-50.pkl", "weights"), new string('0', 64), "{weights}/R-50.pkl")
        );

        // Act
        var error = await Assert.ThrowsAsync<RunnerException>(() =>
            WeightsCache.EnsureAsync(recipe, Path.Combine(scratch.Root, "w"), scratch.Root)
        );

        // Assert
        Assert.Contains("the recipe expects 0000", error.Message);
    }

    [Fact(Timeout = 30_000)]
    public async Task Cancelling_a_download_stops_it_and_leaves_no_partial_file()
    {
        // Arrange
        using var scratch = new FakeTraining();
        using var server = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        server.Start();
        var stalling = Task.Run(async () =>
        {
            using var client = await server.AcceptTcpClientAsync();
            var stream = client.GetStream();
            await stream.WriteAsync("HTTP/1.1 200 OK\r\nContent-Length: 1000000\r\n\r\npartial"u8.ToArray());
            await Task.Delay(TimeSpan.FromSeconds(20));
        });
        var port = ((System.Net.IPEndPoint)server.LocalEndpoint).Port;
        var weights = Path.Combine(scratch.Root, "weights");
        var recipe = WithWeights(new WeightSpec("R-50.pkl", $"http://127.0.0.1:{port}/R-50.pkl", null, "{weights}/R-50.pkl"));
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(1));

        // Act
        var fetching = WeightsCache.EnsureAsync(recipe, weights, scratch.Root, cancellation: cancel.Token);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fetching);

        // Assert
        Assert.Empty(Directory.GetFiles(weights));
    }

    [Theory(Timeout = 60_000)]
    [InlineData("")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 1000000\r\n\r\npartial")]
    public async Task A_download_from_a_server_that_stops_sending_is_given_up_naming_the_address(string sentBeforeSilence)
    {
        // Arrange: a stand-in server that accepts, sends what it is given, then nothing until the test ends
        using var scratch = new FakeTraining();
        using var server = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        server.Start();
        using var done = new CancellationTokenSource();
        var silent = Task.Run(async () =>
        {
            using var client = await server.AcceptTcpClientAsync();
            await client.GetStream().WriteAsync(System.Text.Encoding.ASCII.GetBytes(sentBeforeSilence));
            await Task.Delay(Timeout.Infinite, done.Token).ContinueWith(_ => { });
        });
        var port = ((System.Net.IPEndPoint)server.LocalEndpoint).Port;
        var url = $"http://127.0.0.1:{port}/hang.bin";
        var weights = Path.Combine(scratch.Root, "weights");
        var recipe = WithWeights(new WeightSpec("hang.bin", url, null, "{weights}/hang.bin"));

        // Act
        var error = await Assert.ThrowsAsync<RunnerException>(() =>
            WeightsCache.EnsureAsync(recipe, weights, scratch.Root, stall: TimeSpan.FromSeconds(1))
        );
        await done.CancelAsync();
        await silent;

        // Assert
        Assert.Equal(
            $"cannot fetch hang.bin from {url}: no byte came for 1 s (the server accepted and stopped sending): check the address, retry later, or put the file at {Path.Combine(weights, "hang.bin")} by hand",
            error.Message
        );
        Assert.Empty(Directory.GetFiles(weights));
        Assert.Equal(TimeSpan.FromSeconds(60), WeightsCache.StallTimeout);
    }

    [Fact(Timeout = 60_000)]
    public async Task Two_builds_sharing_a_weights_folder_fetch_a_file_once_and_both_use_it()
    {
        // Arrange
        using var scratch = new FakeTraining();
        var content = new string('w', 8 * 1024 * 1024);
        var url = Published(scratch.Root, "big.bin", content);
        var weights = Path.Combine(scratch.Root, "shared");
        var recipe = WithWeights(new WeightSpec("big.bin", url, null, "{weights}/big.bin"));

        // Act
        var both = await Task.WhenAll(
            Task.Run(() => WeightsCache.EnsureAsync(recipe, weights, Path.Combine(scratch.Root, "a"))),
            Task.Run(() => WeightsCache.EnsureAsync(recipe, weights, Path.Combine(scratch.Root, "b")))
        );

        // Assert
        Assert.Equal(both[0], both[1]);
        Assert.Equal(content.Length, new FileInfo(Path.Combine(weights, "big.bin")).Length);
        Assert.Empty(Directory.GetFiles(weights, "*.partial"));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_partial_file_of_another_download_is_never_deleted()
    {
        // Arrange
        using var scratch = new FakeTraining();
        var weights = Directory.CreateDirectory(Path.Combine(scratch.Root, "shared")).FullName;
        var others = Path.Combine(weights, "w.bin.4242.0123456789abcdef.partial");
        File.WriteAllText(others, "someone else's download");
        var recipe = WithWeights(
            new WeightSpec("w.bin", new Uri(Path.Combine(scratch.Root, "missing.bin")).AbsoluteUri, null, "{weights}/w.bin")
        );

        // Act
        var error = await Assert.ThrowsAsync<RunnerException>(() => WeightsCache.EnsureAsync(recipe, weights, scratch.Root));

        // Assert
        Assert.Contains("cannot fetch w.bin", error.Message);
        Assert.Equal("someone else's download", File.ReadAllText(others));
        Assert.Equal([others], Directory.GetFiles(weights, "*.partial"));
    }
}
