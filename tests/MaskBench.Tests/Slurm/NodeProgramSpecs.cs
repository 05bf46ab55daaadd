using System.Security.Cryptography;
using CliWrap;
using CliWrap.Buffered;
using MaskBench.Tools.Slurm;

namespace MaskBench.Tests.Slurm;

/// <summary>The checks a batch script makes before it execs the supervisor, run as bash runs them on a node: each
/// failure ends the job at once with exit 3 and one line naming the program, the node and the fix.</summary>
[Trait(Needs.Trait, Needs.Processes)]
public sealed class NodeProgramSpecs : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("maskbench-node-program-").FullName;

    /// <summary>A stand-in for the placed binary: an executable script, with its SHA-256.</summary>
    (string Path, string Sha) Binary(string folder)
    {
        var path = System.IO.Path.Combine(folder, "maskbench-0123456789abcdef");
        File.WriteAllText(path, "#!/bin/sh\necho supervised\n");
        if (OperatingSystem.IsLinux())
            File.SetUnixFileMode(path, (UnixFileMode)0b111_101_101);
        return (path, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))));
    }

    static async Task<BufferedCommandResult> Checked(NodeProgram program, string? path = null)
    {
        var script = string.Join("\n", program.CheckLines()) + "\necho checked\n";
        return await Cli.Wrap("/bin/bash")
            .WithArguments(["-c", script])
            .WithEnvironmentVariables(e => e.Set("PATH", path ?? Environment.GetEnvironmentVariable("PATH")))
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync();
    }

    [Fact]
    public async Task The_placed_binary_on_a_node_of_its_architecture_passes_the_checks()
    {
        // Arrange
        var (path, sha) = Binary(folder);

        // Act
        var result = await Checked(NodeProgram.SingleFile(path, sha));

        // Assert
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("checked", result.StandardOutput.Trim());
    }

    [Fact]
    public async Task A_node_that_does_not_see_the_binary_ends_the_job_naming_it_and_the_fix()
    {
        // Act
        var result = await Checked(NodeProgram.SingleFile(Path.Combine(folder, "gone", "maskbench-x"), new string('0', 64)));

        // Assert
        Assert.Equal(NodeProgram.CannotRun, result.ExitCode);
        Assert.StartsWith(
            $"maskbench: {folder}/gone/maskbench-x is missing or may not be executed on node {Environment.MachineName}",
            result.StandardError
        );
        Assert.Contains("pass another --work-dir", result.StandardError);
        Assert.DoesNotContain("checked", result.StandardOutput);
    }

    [Fact]
    public async Task A_binary_of_another_version_is_refused_on_the_node()
    {
        // Arrange: the file the submit host placed, changed since
        var (path, sha) = Binary(folder);
        File.AppendAllText(path, "# another version\n");

        // Act
        var result = await Checked(NodeProgram.SingleFile(path, sha));

        // Assert
        Assert.Equal(NodeProgram.CannotRun, result.ExitCode);
        Assert.Contains("is not the MaskBench the submit host placed (another version, or changed)", result.StandardError);
    }

    [Fact]
    public async Task A_node_of_another_architecture_is_refused_naming_both()
    {
        // Arrange: a binary built for another architecture than this machine's
        var (path, sha) = Binary(folder);
        var other = NodeProgram.SingleFile(path, sha) with { Architecture = "riscv64" };

        // Act
        var result = await Checked(other);

        // Assert
        Assert.Equal(NodeProgram.CannotRun, result.ExitCode);
        Assert.Contains($"is built for riscv64, and node {Environment.MachineName} is x86_64", result.StandardError);
    }

    [Fact]
    public async Task A_node_without_dotnet_says_to_run_the_single_file_MaskBench()
    {
        // Arrange: a node whose PATH has hostname and no .NET
        var bin = Directory.CreateDirectory(Path.Combine(folder, "bin")).FullName;
        File.CreateSymbolicLink(Path.Combine(bin, "hostname"), "/bin/hostname");

        // Act
        var result = await Checked(NodeProgram.Dotnet("/work/maskbench/_build.dll"), path: bin);

        // Assert
        Assert.Equal(NodeProgram.CannotRun, result.ExitCode);
        Assert.StartsWith($"maskbench: dotnet is not on the PATH of node {Environment.MachineName}", result.StandardError);
        Assert.Contains("./build.sh Publish, then run artifacts/bin/maskbench", result.StandardError);
    }

    [Fact]
    public async Task A_work_folder_mounted_noexec_is_refused_on_the_node()
    {
        // Arrange: the binary on a tmpfs mounted noexec, in a mount namespace of the test's own (as root)
        var mount = Directory.CreateDirectory(Path.Combine(folder, "noexec")).FullName;
        var placed = Path.Combine(mount, "maskbench-0123456789abcdef");
        var program = NodeProgram.SingleFile(placed, new string('0', 64));
        var script =
            $"mount -t tmpfs -o noexec none {mount} && printf '#!/bin/sh\\n' > {placed} && chmod 755 {placed}\n"
            + string.Join("\n", program.CheckLines());

        // Act
        var result = await Cli.Wrap("unshare")
            .WithArguments(["--mount", "--", "bash", "-c", script])
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync();

        // Assert
        Assert.Equal(NodeProgram.CannotRun, result.ExitCode);
        Assert.Contains("may not be executed on node", result.StandardError);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
