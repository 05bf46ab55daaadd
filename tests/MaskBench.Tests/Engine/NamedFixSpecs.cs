using System.Reflection;
using System.Text.RegularExpressions;
using MaskBench.Engine;

namespace MaskBench.Tests.Engine;

/// <summary>Every fix a message gives names something that exists: an option after "pass", "use", "with" … is a
/// declared parameter or engine option, and a <c>./build.sh X</c> names a declared target.</summary>
public partial class NamedFixSpecs
{
    /// <summary>Options of other programs that a message or a generated script names after a cue word, each with
    /// where it belongs. Nothing else is exempt.</summary>
    static readonly Dictionary<string, string> ForeignOptions = new()
    {
        ["detach"] = "git worktree add --detach, in the history workflow's script",
    };

    [Fact]
    public void Every_option_a_message_tells_the_user_to_pass_is_one_the_build_declares()
    {
        // Arrange
        var declared = BuildParameter
            .Of(typeof(MaskBench.Build.Build))
            .Select(p => p.Option)
            .Concat(CommandLine.EngineOptions.Keys)
            .Concat(ForeignOptions.Keys)
            .ToHashSet();

        // Act
        var undeclared = Named(CuedOption()).Where(n => !declared.Contains(n.Name)).Select(n => $"--{n.Name} in {n.File}").ToList();

        // Assert
        Assert.True(undeclared.Count == 0, "messages name options nobody declared: " + string.Join("; ", undeclared));
    }

    [Fact]
    public void Every_target_a_message_tells_the_user_to_run_is_one_the_build_declares()
    {
        // Arrange: the property targets, and the engine's own Generate
        var targets = typeof(MaskBench.Build.Build)
            .GetProperties(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)
            .Where(p => p.PropertyType == typeof(Target))
            .Select(p => p.Name)
            .Append(Generation.TargetName)
            .ToHashSet();

        // Act
        var named = Named(BuildShTarget()).ToList();
        var undeclared = named.Where(n => !targets.Contains(n.Name)).Select(n => $"{n.Name} in {n.File}").ToList();

        // Assert
        Assert.NotEmpty(named);
        Assert.True(undeclared.Count == 0, "messages name targets nobody declared: " + string.Join("; ", undeclared));
    }

    [Fact]
    public void The_check_finds_an_option_that_does_not_exist()
    {
        // Arrange: the message the newcomer met
        const string message = "\"start the engine's daemon, or use --container-engine podman\"";

        // Act
        var found = CuedOption().Matches(message).Select(m => m.Groups["name"].Value).ToList();

        // Assert
        Assert.Equal(["container-engine"], found);
    }

    static IEnumerable<(string Name, string File)> Named(Regex pattern) =>
        new[] { Paths.Repository("src", "MaskBench"), Paths.Repository("build") }
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories))
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .SelectMany(file =>
                Literal()
                    .Matches(File.ReadAllText(file))
                    .SelectMany(literal => pattern.Matches(literal.Value))
                    .Select(m => (m.Groups["name"].Value, Path.GetRelativePath(Paths.Root, file)))
            );

    /// <summary>A C# string literal, regular or interpolated, on one line.</summary>
    [GeneratedRegex(@"\$?@?""(?:[^""\\\n]|\\.)*""")]
    private static partial Regex Literal();

    [GeneratedRegex(@"\b(?:pass|use|with|give|or|set|add|needs|try|drop|remove|rerun|without)\s+[`']?--(?<name>[a-z][a-z0-9-]*)")]
    private static partial Regex CuedOption();

    [GeneratedRegex(@"build\.sh (?<name>[A-Z][A-Za-z]*)\b")]
    private static partial Regex BuildShTarget();
}
