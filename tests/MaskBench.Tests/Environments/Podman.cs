using MaskBench.Environments;

namespace MaskBench.Tests.Environments;

/// <summary>Rootful podman as scripts/install-test-deps.sh sets it up: runc, allowed ulimits, a local image.</summary>
static class Podman
{
    public const string TestImage = "localhost/maskbench-test-python:bookworm";

    public static IReadOnlyDictionary<string, string> Variables { get; } =
        new Dictionary<string, string> { ["CONTAINERS_CONF"] = "/etc/maskbench/containers.conf" };

    public static EnvironmentOptions Options(string state) =>
        new("podman", Paths.Root, null, new Dictionary<string, string>(), null, Variables, state) { RunArguments = ["--network=none"] };

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
