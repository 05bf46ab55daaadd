using MaskBench.Tools.Environments;

namespace MaskBench.Tests.Environments;

/// <summary>Rootful podman as scripts/install-test-deps.sh sets it up: runc, allowed ulimits, a local image.</summary>
static class Podman
{
    public const string TestImage = "localhost/maskbench-test-python:bookworm-3";

    public static IReadOnlyDictionary<string, string> Variables { get; } =
        new Dictionary<string, string> { ["CONTAINERS_CONF"] = "/etc/maskbench/containers.conf" };

    public static EnvironmentOptions Options(string state) =>
        new("podman", Paths.Root, null, new Dictionary<string, string>(), null, Variables, state) { RunArguments = ["--network=none"] };

    /// <summary>The ids of the containers the filter lists (also stopped ones), once <c>--rm</c> had up to 10 s to
    /// remove them (removal runs after the container's end, asynchronously).</summary>
    public static async Task<string> ListedAfterRemovalAsync(string filter)
    {
        var until = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var listed = (await RunAsync("ps", "-a", "-q", "--filter", filter)).Trim();
            if (listed.Length == 0 || DateTime.UtcNow > until)
                return listed;
            await Task.Delay(200);
        }
    }

    /// <summary>Removes every image whose reference matches <paramref name="pattern"/> (a spec's own tags), for Dispose.</summary>
    public static void RemoveImages(string pattern)
    {
        var images = RunAsync("images", "-q", "--filter", $"reference={pattern}").GetAwaiter().GetResult();
        foreach (var id in images.Split('\n', StringSplitOptions.RemoveEmptyEntries).Distinct())
            RunAsync("rmi", "-f", id).GetAwaiter().GetResult();
    }

    /// <summary>Whether podman has the image (false also when podman is not there).</summary>
    public static async Task<bool> ExistsAsync(string image)
    {
        var result = await ProcessRunner.RunAsync(
            ProcessSpec.Of(["podman", "image", "exists", image], Variables.ToDictionary(v => v.Key, string? (v) => v.Value)),
            new ProcessOptions()
        );
        return result.Ok;
    }

    public static async Task<string> RunAsync(params string[] arguments)
    {
        var result = await CliWrap.Buffered.BufferedCommandExtensions.ExecuteBufferedAsync(
            CliWrap
                .Cli.Wrap("podman")
                .WithArguments(arguments)
                .WithEnvironmentVariables(Variables.ToDictionary(v => v.Key, string? (v) => v.Value))
                .WithValidation(CliWrap.CommandResultValidation.None)
        );
        return result.StandardOutput;
    }
}
