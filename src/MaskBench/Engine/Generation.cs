using MaskBench.Foundation.Files;
using Serilog;

namespace MaskBench.Engine;

/// <summary>The <c>Generate</c> target: writes the files the build generates from its own declaration (the parameter
/// schema, the CI workflow), or with <c>--check</c> only compares them with the committed copies. No other
/// invocation writes them, so a test (and CI) can tell a stale committed file from a current one.</summary>
internal static class Generation
{
    public const string TargetName = "Generate";

    public const string Description =
        "Write the generated files (.nuke/build.schema.json, the CI workflow) from the build's declaration; with --check, only compare";

    /// <returns>The files that differ from the declaration (with <paramref name="check"/>) or were written.</returns>
    public static IReadOnlyList<string> Apply(IEnumerable<(string Path, string Content)> files, bool check)
    {
        var changed = new List<string>();
        foreach (var (path, content) in files)
        {
            var differs = !File.Exists(path) || File.ReadAllText(path) != content;
            if (!differs)
                continue;
            changed.Add(Shown.Path(path));
            if (!check)
            {
                AtomicFile.WriteAllText(path, content);
                Log.Information("Wrote {File}", Shown.Path(path));
            }
        }
        if (check && changed.Count > 0)
            throw new BuildException(
                $"{string.Join(", ", changed)} {(changed.Count == 1 ? "differs" : "differ")} from what the build declares: run ./build.sh Generate and commit the result"
            );
        if (changed.Count == 0)
            Log.Information("The generated files are current");
        return changed;
    }
}
