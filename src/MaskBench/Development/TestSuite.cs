using System.Diagnostics;
using System.Text.RegularExpressions;
using MaskBench.Engine;
using MaskBench.Tools.Processes;
using Serilog;

namespace MaskBench.Development;

/// <summary><c>./build.sh Test</c>: the formatting check, one build of <c>tests/MaskBench.Tests</c>, then the suite group
/// by group, each group's counts logged, and a skip refused under CI.</summary>
internal sealed partial class TestSuite(string root, CancellationToken cancellation)
{
    /// <summary>The suite's groups in the order they run, by the trait <c>Needs</c> (tests/MaskBench.Tests/Needs.cs): the
    /// in-process specs first, so a developer's mistake shows in seconds; a class needing two systems runs with the later.</summary>
    public static readonly (string Name, string Filter)[] Groups =
    [
        ("in-process", "Needs!=processes&Needs!=podman&Needs!=slurm&Needs!=registry&Needs!=npm"),
        ("processes", "Needs=processes&Needs!=podman&Needs!=slurm&Needs!=registry&Needs!=npm"),
        ("podman", "Needs=podman&Needs!=slurm"),
        ("slurm", "Needs=slurm"),
        ("registry", "Needs=registry"),
        ("npm", "Needs=npm"),
    ];

    string Tests => Path.Combine(root, "tests", "MaskBench.Tests");

    /// <param name="only">The groups to run (<c>--test-group</c>); empty: all.</param>
    /// <param name="filter">A dotnet test filter that every group's filter is narrowed by (<c>--test-filter</c>).</param>
    public async Task RunAsync(IReadOnlyList<string> only, string? filter)
    {
        var unknown = only.Except(Groups.Select(g => g.Name)).ToList();
        if (unknown.Count > 0)
            throw new BuildException(
                $"--test-group {string.Join(" ", unknown)}: no such group; the groups are {string.Join(", ", Groups.Select(g => g.Name))}"
            );
        await new SourceFormat(root, cancellation).CheckAsync();
        var build = await ProcessRunner.RunAsync(
            DotnetTool.Command(root, ["build", Tests, "--nologo", "-v", "q"]),
            new ProcessOptions
            {
                What = "dotnet build tests/MaskBench.Tests",
                Timeout = TimeSpan.FromMinutes(20),
                LogLines = true,
            },
            cancellation
        );
        build.EnsureSuccess();
        var times = new List<string>();
        foreach (var (name, groupFilter) in Groups.Where(g => only.Count == 0 || only.Contains(g.Name)))
        {
            var clock = Stopwatch.StartNew();
            var counts = await RunGroup(name, filter is null ? groupFilter : $"({groupFilter})&({filter})");
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
            DotnetTool.Command(root, ["test", Tests, "--no-build", "--nologo", "--logger", "console;verbosity=normal", "--filter", filter]),
            new ProcessOptions
            {
                What = $"dotnet test ({name})",
                Timeout = TimeSpan.FromMinutes(60),
                LogLines = true,
                OnLine = Count,
            },
            cancellation
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
