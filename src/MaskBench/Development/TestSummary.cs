using MaskBench.Foundation.Files;

namespace MaskBench.Development;

/// <summary>What one group of the suite counted, and how long it took.</summary>
internal sealed record TestGroupCounts(string Group, int Passed, int Failed, int Skipped, double Seconds)
{
    public override string ToString() => $"{Passed} passed, {Failed} failed{(Skipped > 0 ? $", {Skipped} skipped" : "")}";
}

/// <summary>
/// <c>./build.sh Test</c>'s results folder, <c>artifacts/test-results/</c>: one <c>&lt;group&gt;.trx</c> per group
/// (dotnet test's trx logger) and <see cref="FileName"/>, the counts per group as a Markdown table, rewritten after each
/// group, so a failed group is in it too. CI puts the table in the job summary and uploads the folder.
/// </summary>
internal static class TestSummary
{
    public const string Folder = "test-results";
    public const string FileName = "summary.md";

    /// <summary>The folder under the artifacts folder (<c>--artifacts-dir</c>).</summary>
    public static string In(string artifacts) => Path.Combine(artifacts, Folder);

    public static string Markdown(IReadOnlyList<TestGroupCounts> groups) =>
        "| Test group | Passed | Failed | Skipped | Seconds |\n"
        + "|---|--:|--:|--:|--:|\n"
        + string.Concat(groups.Select(g => $"| {g.Group} | {g.Passed} | {g.Failed} | {g.Skipped} | {g.Seconds:0} |\n"))
        + $"| **all** | {groups.Sum(g => g.Passed)} | {groups.Sum(g => g.Failed)} | {groups.Sum(g => g.Skipped)} | {groups.Sum(g => g.Seconds):0} |\n";

    public static void Write(string folder, IReadOnlyList<TestGroupCounts> groups)
    {
        Directory.CreateDirectory(folder);
        AtomicFile.WriteAllText(Path.Combine(folder, FileName), Markdown(groups));
    }

    /// <summary>The logger arguments of one group's <c>dotnet test</c>: its trx file in <paramref name="folder"/>.</summary>
    public static IReadOnlyList<string> TrxArguments(string group, string folder) =>
        ["--logger", $"trx;LogFileName={group}.trx", "--results-directory", folder];
}
