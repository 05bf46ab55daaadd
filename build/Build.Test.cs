using System.Diagnostics;
using System.Text.RegularExpressions;
using MaskBench.Engine;
using Serilog;

namespace MaskBench.Build;

partial class Build
{
    [Parameter("Test: only tests whose names match this dotnet test filter. Default: all")]
    readonly string? TestFilter = null;

    [Parameter("Test: only these groups (in-process, processes, podman, slurm, registry, npm). Default: all, in that order")]
    readonly string[] TestGroup = [];

    /// <summary>The suite's groups in the order they run, by the trait <c>Needs</c> (tests/MaskBench.Tests/Needs.cs): the
    /// in-process specs first, so a developer's mistake shows in seconds; a class needing two systems runs with the later.</summary>
    static readonly (string Name, string Filter)[] TestGroups =
    [
        ("in-process", "Needs!=processes&Needs!=podman&Needs!=slurm&Needs!=registry&Needs!=npm"),
        ("processes", "Needs=processes&Needs!=podman&Needs!=slurm&Needs!=registry&Needs!=npm"),
        ("podman", "Needs=podman&Needs!=slurm"),
        ("slurm", "Needs=slurm"),
        ("registry", "Needs=registry"),
        ("npm", "Needs=npm"),
    ];

    Target Test =>
        _ =>
            _.Description("Check the formatting, then run the test suite group by group (dotnet test tests/MaskBench.Tests)")
                .DependsOn(nameof(TestSetup))
                .Executes(RunTests);

    async Task RunTests()
    {
        var unknown = TestGroup.Except(TestGroups.Select(g => g.Name)).ToList();
        if (unknown.Count > 0)
            throw new BuildException(
                $"--test-group {string.Join(" ", unknown)}: no such group; the groups are {string.Join(", ", TestGroups.Select(g => g.Name))}"
            );
        await CheckFormat();
        var build = await ProcessRunner.RunAsync(
            Dotnet(["build", Path.Combine(RootDirectory, "tests", "MaskBench.Tests"), "--nologo", "-v", "q"]),
            new ProcessOptions
            {
                What = "dotnet build tests/MaskBench.Tests",
                Timeout = TimeSpan.FromMinutes(20),
                LogLines = true,
            },
            Cancellation
        );
        build.EnsureSuccess();
        var times = new List<string>();
        foreach (var (name, filter) in TestGroups.Where(g => TestGroup.Length == 0 || TestGroup.Contains(g.Name)))
        {
            var clock = Stopwatch.StartNew();
            var counts = await RunGroup(name, TestFilter is null ? filter : $"({filter})&({TestFilter})");
            times.Add($"{name} {counts} in {clock.Elapsed.TotalSeconds:0} s");
            Log.Information("Tests, {Group}: {Counts} in {Seconds:0} s", name, counts, clock.Elapsed.TotalSeconds);
        }
        Log.Information("Tests by group: {Times}", string.Join("; ", times));
    }

    /// <returns>What the group's run counted, e.g. <c>412 passed</c>.</returns>
    async Task<string> RunGroup(string name, string filter)
    {
        var counts = new Dictionary<string, int>();
        void Count(string line)
        {
            if (TestCount().Match(line) is { Success: true } count)
                counts[count.Groups["what"].Value] = int.Parse(count.Groups["count"].Value);
        }
        var result = await ProcessRunner.RunAsync(
            Dotnet([
                "test",
                Path.Combine(RootDirectory, "tests", "MaskBench.Tests"),
                "--no-build",
                "--nologo",
                "--logger",
                "console;verbosity=normal",
                "--filter",
                filter,
            ]),
            new ProcessOptions
            {
                What = $"dotnet test ({name})",
                Timeout = TimeSpan.FromMinutes(60),
                LogLines = true,
                OnLine = Count,
            },
            Cancellation
        );
        int Of(string what) => counts.GetValueOrDefault(what);
        var said = $"{Of("Passed")} passed, {Of("Failed")} failed{(Of("Skipped") > 0 ? $", {Of("Skipped")} skipped" : "")}";
        if (Of("Skipped") > 0 && Environment.GetEnvironmentVariable("CI") == "true")
            throw new BuildException(
                $"tests, {name}: {Of("Skipped")} specs were skipped, and CI refuses skips: the lines 'Skipped' above say what they need installed"
            );
        if (result.ExitCode != 0 && !(counts.Count == 0 && result.StandardOutput.Contains("No test matches", StringComparison.Ordinal)))
            throw new BuildException(
                $"tests, {name}: dotnet test exited with {result.ExitCode} ({said}); the failures are above, and the later groups did not run"
            );
        return said;
    }

    /// <summary>The totals dotnet test prints at the end: <c>     Passed: 231</c>, <c>     Failed: 1</c>.</summary>
    [GeneratedRegex(@"^\s+(?<what>Passed|Failed|Skipped): (?<count>\d+)$")]
    private static partial Regex TestCount();
}
