using System.Text.RegularExpressions;
using MaskBench.Model.Catalog;

namespace MaskBench.Tools.Environments;

/// <summary>One line of a wheels file: a Python package Debian lacks, pinned by version and by the commit of the
/// public repository it is built from (<c>fvcore==0.1.1 facebookresearch/fvcore@db26e41…</c>).</summary>
/// <param name="Subdirectory">Where its setup.py is in the repository; empty: the top.</param>
sealed record WheelPin(string Name, string Version, string Mirror, string Commit, string Subdirectory)
{
    public override string ToString() => $"{Name}=={Version}";

    /// <summary>The public repository, as a recipe's source names it; <c>--git-mirror DIR</c> reads <c>DIR/</c><see cref="Mirror"/>.</summary>
    public SourceSpec Source => new($"https://github.com/{Mirror}.git", Commit, ToString(), Mirror);

    /// <summary>Whether a wheel file is this package at this version (names compared as pip normalises them).</summary>
    public bool IsFile(string file) =>
        Path.GetFileName(file).Split('-') is [var name, var version, ..]
        && file.EndsWith(".whl", StringComparison.Ordinal)
        && Wheelhouse.Normal(name) == Wheelhouse.Normal(Name)
        && version == Version;
}

/// <summary>The wheelhouse an environment installs from with no index (<c>pip --no-index --find-links</c>, the
/// air-gapped convention): the folder <c>--wheelhouse</c> names, given to the build as the context <c>wheelhouse</c>.</summary>
static partial class Wheelhouse
{
    public const string Context = "wheelhouse";

    public static IReadOnlyList<WheelPin> Read(string file) =>
        [
            .. File.ReadAllLines(file)
                .Select((line, i) => (Text: line.Trim(), Number: i + 1))
                .Where(l => l.Text.Length > 0 && !l.Text.StartsWith('#'))
                .Select(l =>
                    Line().Match(l.Text) is { Success: true } m
                        ? new WheelPin(m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value, m.Groups[4].Value, m.Groups[5].Value)
                        : throw new RunnerException($"{file}:{l.Number}: give 'name==version owner/repo@commit[:subdir]', not '{l.Text}'")
                ),
        ];

    /// <summary>The pins no wheel in <paramref name="folder"/> provides.</summary>
    public static IReadOnlyList<WheelPin> Missing(IReadOnlyList<WheelPin> pins, string folder)
    {
        var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.whl") : [];
        return [.. pins.Where(p => !files.Any(p.IsFile))];
    }

    /// <summary>The named build contexts of the environment: its wheelhouse, checked to hold every pinned wheel.</summary>
    public static IReadOnlyDictionary<string, string> Contexts(Recipe recipe, EnvironmentOptions options)
    {
        if (recipe.Environment.Wheels is not { } wheels)
            return new Dictionary<string, string>();
        var file = Path.Combine(options.Root, wheels);
        var missing = Missing(Read(file), options.Wheelhouse);
        if (missing.Count > 0)
            throw new RunnerException(
                $"{wheels}: the wheelhouse {options.Wheelhouse} lacks {string.Join(", ", missing)}: fill it with ./build.sh Wheelhouse-{recipe.TargetSuffix} --stacks current (add --git-mirror DIR where no package index answers), or pass --wheelhouse DIR"
            );
        return new Dictionary<string, string> { [Context] = options.Wheelhouse };
    }

    /// <summary>pip's normal form of a distribution name: <c>Py_Coco.Tools</c> → <c>py-coco-tools</c>.</summary>
    public static string Normal(string name) => Separators().Replace(name, "-").ToLowerInvariant();

    [GeneratedRegex(@"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)\s+([A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+)@([0-9a-f]{40})(?::(\S+))?$")]
    private static partial Regex Line();

    [GeneratedRegex(@"[-_.]+")]
    private static partial Regex Separators();
}
