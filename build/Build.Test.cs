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
            failed = null;
        void Count(string line)
        {
            if (TestCount().Match(line) is { Success: true } count)
                if (count.Groups["what"].Value == "Passed")
                    passed = int.Parse(count.Groups["count"].Value);
                else
                    failed = int.Parse(count.Groups["count"].Value);
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
            Console.WriteLine($"{passed ?? 0} passed, {failed ?? 0} failed");
        if (exitCode != 0)
            throw new BuildException(
                $"dotnet test exited with {exitCode}{(failed > 0 ? $": {failed} tests failed" : "")}; the failures are above"
            );
    }

    /// <summary>The totals dotnet test prints at the end: <c>     Passed: 231</c>, <c>     Failed: 1</c>.</summary>
    [GeneratedRegex(@"^\s+(?<what>Passed|Failed): (?<count>\d+)$")]
    private static partial Regex TestCount();
}
