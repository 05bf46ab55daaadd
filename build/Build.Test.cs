using System.Text.RegularExpressions;
using CliWrap;
using CliWrap.EventStream;
using MaskBench.Engine;
using Serilog;

namespace MaskBench.Build;

partial class Build
{
    [Parameter("Test: only tests whose names match this dotnet test filter. Default: all")]
    readonly string? TestFilter = null;

    Target Test => _ => _.Description("Run the test suite (dotnet test tests/MaskBench.Tests)").Executes(RunTests);

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
        var command = Cli.Wrap("dotnet")
            .WithArguments(arguments)
            .WithWorkingDirectory(RootDirectory)
            .WithValidation(CommandResultValidation.None);
        int? passed = null,
            failed = null,
            exitCode = null;
        await foreach (var e in command.ListenAsync(Cancellation))
        {
            switch (e)
            {
                case StandardOutputCommandEvent line:
                    Log.Information("{Line}", line.Text);
                    if (TestCount().Match(line.Text) is { Success: true } count)
                        if (count.Groups["what"].Value == "Passed")
                            passed = int.Parse(count.Groups["count"].Value);
                        else
                            failed = int.Parse(count.Groups["count"].Value);
                    break;
                case StandardErrorCommandEvent line:
                    Log.Information("{Line}", line.Text);
                    break;
                case ExitedCommandEvent exited:
                    exitCode = exited.ExitCode;
                    break;
            }
        }
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
