using MaskBench.Running;
using MaskBench.Tests.Running;

namespace MaskBench.Tests.Environments;

[Collection("processes")]
public class ContainerStopSpecs
{
    static ContainerHost Host() => new(new ContainerHostOptions("podman", Podman.TestImage, [], 0, ["--network=none"], Podman.Variables));

    static string UniqueName() => $"maskbench-stop-{Guid.NewGuid():N}"[..32];

    [PodmanFact(Timeout = 90_000)]
    public async Task A_probe_that_times_out_leaves_no_container_behind()
    {
        // Arrange
        using var scratch = new FakeTraining();
        var name = UniqueName();

        // Act
        var result = await ProcessRunner.RunAsync(
            Host(),
            ProcessSpec.Of("/", "sleep", "300"),
            new ProcessOptions { Name = name, Timeout = TimeSpan.FromSeconds(3) }
        );

        // Assert
        Assert.Equal(ProcessEnd.TimedOut, result.End);
        Assert.Contains("sleep did not finish within 00:00:03", result.Message);
        Assert.Equal("", await Podman.ListedAfterRemovalAsync($"name=^{name}$"));
    }

    [PodmanFact(Timeout = 90_000)]
    public async Task A_cancelled_long_command_leaves_no_container_behind()
    {
        // Arrange
        using var scratch = new FakeTraining();
        var name = UniqueName();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(3));

        // Act
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            ProcessRunner.RunAsync(
                Host(),
                ProcessSpec.Of("/", "sleep", "300"),
                new ProcessOptions
                {
                    What = "a long step",
                    Name = name,
                    Timeout = TimeSpan.FromMinutes(5),
                    LogLines = true,
                },
                cancel.Token
            )
        );

        // Assert
        Assert.Equal("", await Podman.ListedAfterRemovalAsync($"name=^{name}$"));
    }

    [Fact(Timeout = 60_000)]
    public async Task Rootful_docker_runs_as_the_invoking_user_and_podman_as_the_image_user()
    {
        // Arrange
        var uid = (await ShortCommand.TryRunAsync("id", ["-u"]))!.StandardOutput.Trim();
        var gid = (await ShortCommand.TryRunAsync("id", ["-g"]))!.StandardOutput.Trim();
        var asUser = new ContainerHost(
            new ContainerHostOptions("docker", "image", [], 0, [], new Dictionary<string, string>()) { User = "1000:1000" }
        );

        // Act
        var docker = ContainerEngines.InvokingUser("docker");
        var podman = ContainerEngines.InvokingUser("/usr/bin/podman");
        var arguments = asUser.Prepare(ProcessSpec.Of("/", "python", "train.py"), "maskbench-user").Arguments;

        // Assert
        Assert.Equal(uid == "0" ? null : $"{uid}:{gid}", docker);
        Assert.Null(podman);
        Assert.Equal(["--user", "1000:1000", "-e", "HOME=/tmp"], arguments.SkipWhile(a => a != "--user").Take(4));
        Assert.True(arguments.ToList().IndexOf("--user") < arguments.ToList().IndexOf("image"));
    }
}
