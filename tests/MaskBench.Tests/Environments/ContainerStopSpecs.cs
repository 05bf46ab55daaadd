using MaskBench.Tests.Running;
using MaskBench.Tools.Containers;

namespace MaskBench.Tests.Environments;

[Trait(Needs.Trait, Needs.Podman)]
[Collection(Heavy.Processes)]
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

    [Fact]
    public void Rootful_docker_runs_as_the_invoking_user_and_podman_as_the_image_user()
    {
        // Arrange: the status lines of a process run by uid 1000 (gid 1001), and of one run by root
        string[] user = ["Name:\tdotnet", "Uid:\t1000\t1000\t1000\t1000", "Gid:\t1001\t1001\t1001\t1001", "Groups:\t1001 27"];
        string[] root = ["Name:\tdotnet", "Uid:\t0\t0\t0\t0", "Gid:\t0\t0\t0\t0"];
        var asUser = new ContainerHost(
            new ContainerHostOptions("docker", "image", [], 0, [], new Dictionary<string, string>()) { User = "1000:1001" }
        );

        // Act
        var dockerUser = ContainerEngines.InvokingUser(user);
        var dockerRoot = ContainerEngines.InvokingUser(root);
        var podman = ContainerEngines.InvokingUser("/usr/bin/podman");
        var arguments = asUser.Prepare(ProcessSpec.Of("/", "python", "train.py"), "maskbench-user").Arguments;

        // Assert
        Assert.Equal("1000:1001", dockerUser);
        Assert.Null(dockerRoot);
        Assert.Null(podman);
        Assert.Equal(["--user", "1000:1001", "-e", "HOME=/tmp"], arguments.SkipWhile(a => a != "--user").Take(4));
        Assert.True(arguments.ToList().IndexOf("--user") < arguments.ToList().IndexOf("image"));
    }
}
