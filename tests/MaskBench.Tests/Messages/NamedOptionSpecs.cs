using System.Reflection;
using System.Text.RegularExpressions;
using MaskBench.Engine;

namespace MaskBench.Tests.Messages;

/// <summary>Every fix names something that exists: each <c>--option</c> that a sentence of the product's sources names
/// (a string with a space in it: a message, a description, a note) is one of MaskBench's parameters or engine options,
/// or one of the other programs' options listed here; each <c>./build.sh Target</c> is a declared target.</summary>
public sealed partial class NamedOptionSpecs
{
    /// <summary>Other programs' options that MaskBench's messages quote (git, pip, docker/podman, Slurm, Python, apt).</summary>
    static readonly HashSet<string> Foreign =
    [
        "parameters", // the usage line's placeholder: [--parameters]
        "hang-at", // the fake trainer's (a stand-in for a trainer)
        "find-links", // pip
        "no-install-recommends", // apt-get
        "full-index", // git diff
        "git", // diff --git, a unified diff's header
        "mirror", // git clone --mirror
        "orphan", // git checkout --orphan
        "quiet", // git
        "filter", // podman ps --filter
        "output", // nvidia-ctk cdi generate --output
        "runtime", // nvidia-ctk runtime configure --runtime
        "query-gpu", // nvidia-smi
        "list-elf", // cuobjdump
        "components", // debootstrap
        "include", // debootstrap
        "gres", // sbatch
        "gpus-per-node", // sbatch
        "cpus-per-gpu", // sbatch
        "mem-per-gpu", // sbatch
        "exclusive", // sbatch
        "time", // sbatch
        "signal", // sbatch
        "parsable", // sbatch
        "me", // squeue
        "status", // sha256sum --status
        "container-image", // srun (pyxis)
        "nv", // apptainer exec
    ];

    static readonly string[] Sources = Directory
        .GetFiles(Paths.Repository("src", "MaskBench"), "*.cs", SearchOption.AllDirectories)
        .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
        .ToArray();

    [GeneratedRegex("\"(?:[^\"\\\\\\n]|\\\\.)* (?:[^\"\\\\\\n]|\\\\.)*\"")]
    private static partial Regex Sentence();

    [GeneratedRegex("(?<![\\w-])--([a-z][a-z0-9]*(?:-[a-z0-9]+)*)")]
    private static partial Regex Option();

    [GeneratedRegex("\\./build\\.sh ([A-Z][A-Za-z]+)")]
    private static partial Regex BuildTarget();

    static IEnumerable<(string File, string Name)> Named(Regex pattern) =>
        from file in Sources
        from sentence in Sentence().Matches(File.ReadAllText(file)).Select(m => m.Value)
        from match in pattern.Matches(sentence)
        select (Path.GetRelativePath(Paths.Repository("src", "MaskBench"), file), match.Groups[1].Value);

    [Fact]
    public void Every_option_a_message_names_is_a_parameter_an_engine_option_or_another_program_s()
    {
        // Arrange
        var declared = BuildParameter
            .Of(typeof(MaskBench.Build.Build))
            .Select(p => p.Option)
            .Concat(CommandLine.EngineOptions.Keys)
            .Concat(["json", "check"])
            .ToHashSet(StringComparer.Ordinal);

        // Act
        var unknown = Named(Option())
            .Where(n => !declared.Contains(n.Name) && !Foreign.Contains(n.Name))
            .Select(n => $"{n.File}: --{n.Name}")
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

        // Assert
        Assert.True(unknown.Count == 0, "options named in messages that exist nowhere:\n" + string.Join("\n", unknown));
    }

    [Fact]
    public void Every_target_a_message_tells_the_user_to_run_is_declared()
    {
        // Arrange
        var targets = typeof(MaskBench.Build.Build)
            .GetProperties(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)
            .Where(p => p.PropertyType == typeof(Target))
            .Select(p => p.Name)
            .Append("Generate") // the engine's own, as NUKE's
            .ToHashSet(StringComparer.Ordinal);

        // Act
        var unknown = Named(BuildTarget())
            .Where(n => !targets.Contains(n.Name))
            .Select(n => $"{n.File}: ./build.sh {n.Name}")
            .Distinct()
            .ToList();

        // Assert
        Assert.Contains("Benchmark", targets);
        Assert.True(unknown.Count == 0, "targets named in messages that do not exist:\n" + string.Join("\n", unknown));
    }
}
