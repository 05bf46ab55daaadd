using System.Text.RegularExpressions;
using MaskBench.Engine;
using Serilog;

namespace MaskBench.Build;

partial class Build
{
    [Parameter("Test: only tests whose names match this dotnet test filter. Default: all")]
    readonly string? TestFilter = null;

    Target Test =>
        _ => _.Description("Check the formatting, then run the test suite (dotnet test tests/MaskBench.Tests)").Executes(RunTests);

    async Task RunTests()
    {
        await CheckFormat();
        var arguments = new List<string>
        {
            "test",
            Path.Combine(RootDirectory, "tests", "MaskBench.Tests"),
            "--nologo",
            "--logger",
            "console;verbosity=normal",
        };
        if (TestFilter is not null)
            arguments.AddRange(["--filter", TestFilter]);
        int? passed = null,
            failed = null,
            skipped = null;
        void Count(string line)
        {
            if (TestCount().Match(line) is { Success: true } count)
                switch (count.Groups["what"].Value)
                {
                    case "Passed":
                        passed = int.Parse(count.Groups["count"].Value);
                        break;
                    case "Skipped":
                        skipped = int.Parse(count.Groups["count"].Value);
                        break;
                    default:
                        failed = int.Parse(count.Groups["count"].Value);
                        break;
                }
        }
        var result = await ProcessRunner.RunAsync(
            Dotnet(arguments),
            new ProcessOptions
            {
                What = "dotnet test",
                Timeout = TimeSpan.FromMinutes(80),
                LogLines = true,
                OnLine = Count,
            },
            Cancellation
        );
        var exitCode = result.ExitCode;
        if (passed is not null || failed is not null)
            Console.WriteLine($"{passed ?? 0} passed, {failed ?? 0} failed{(skipped > 0 ? $", {skipped} skipped" : "")}");
        if (skipped > 0 && Environment.GetEnvironmentVariable("CI") == "true")
            throw new BuildException(
                $"{skipped} specs were skipped, and CI refuses skips: the lines 'Skipped' above say what they need installed"
            );
        if (exitCode != 0)
            throw new BuildException(
                $"dotnet test exited with {exitCode}{(failed > 0 ? $": {failed} tests failed" : "")}; the failures are above"
            );
    }

    /// <summary>The totals dotnet test prints at the end: <c>     Passed: 231</c>, <c>     Failed: 1</c>.</summary>
    [GeneratedRegex(@"^\s+(?<what>Passed|Failed|Skipped): (?<count>\d+)$")]
    private static partial Regex TestCount();
}
