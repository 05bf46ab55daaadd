using System.Diagnostics;
using System.Text.RegularExpressions;
using MaskBench.Engine;
using MaskBench.Tools.Processes;
using Serilog;

namespace MaskBench.Development;

/// <summary><c>./build.sh Test</c>: the formatting check, one build of <c>tests/MaskBench.Tests</c>, then the suite group
/// by group, each group's counts logged and written with its trx file to <paramref name="results"/>
/// (<see cref="TestSummary"/>), and a skip refused under CI.</summary>
internal sealed partial class TestSuite(string root, string results, CancellationToken cancellation)
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
        var done = new List<TestGroupCounts>();
        foreach (var (name, groupFilter) in Groups.Where(g => only.Count == 0 || only.Contains(g.Name)))
        {
            var clock = Stopwatch.StartNew();
            var (counts, failure) = await RunGroup(name, filter is null ? groupFilter : $"({groupFilter})&({filter})");
            done.Add(counts with { Seconds = clock.Elapsed.TotalSeconds });
            TestSummary.Write(results, done);
            if (failure is not null)
                throw new BuildException(failure);
            Log.Information("Tests, {Group}: {Counts} in {Seconds:0} s", name, counts, clock.Elapsed.TotalSeconds);
        }
        Log.Information("Tests by group: {Times}", string.Join("; ", done.Select(g => $"{g.Group} {g} in {g.Seconds:0} s")));
    }

    /// <returns>What the group's run counted, and why the suite stops here (null: it goes on).</returns>
    async Task<(TestGroupCounts Counts, string? Failure)> RunGroup(string name, string filter)
    {
        var counts = new Dictionary<string, int>();
        void Count(string line)
        {
            if (TestCount().Match(line) is { Success: true } count)
                counts[count.Groups["what"].Value] = int.Parse(count.Groups["count"].Value);
        }
        var result = await ProcessRunner.RunAsync(
            DotnetTool.Command(
                root,
                [
                    "test",
                    Tests,
                    "--no-build",
                    "--nologo",
                    "--logger",
                    "console;verbosity=normal",
                    .. TestSummary.TrxArguments(name, results),
                    "--filter",
                    filter,
                ]
            ),
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
        var said = new TestGroupCounts(name, Of("Passed"), Of("Failed"), Of("Skipped"), 0);
        if (said.Skipped > 0 && Environment.GetEnvironmentVariable("CI") == "true")
            return (
                said,
                $"tests, {name}: {said.Skipped} specs were skipped, and CI refuses skips: the lines 'Skipped' above say what they need installed"
            );
        if (result.ExitCode != 0 && !(counts.Count == 0 && result.StandardOutput.Contains("No test matches", StringComparison.Ordinal)))
            return (
                said,
                $"tests, {name}: dotnet test exited with {result.ExitCode} ({said}); the failures are above, and the later groups did not run"
            );
        return (said, null);
    }

    /// <summary>The totals dotnet test prints at the end: <c>     Passed: 231</c>, <c>     Failed: 1</c>.</summary>
    [GeneratedRegex(@"^\s+(?<what>Passed|Failed|Skipped): (?<count>\d+)$")]
    private static partial Regex TestCount();
}
