using System.Text.RegularExpressions;
using MaskBench.Tools.Containers;

namespace MaskBench.Tools.Environments;

/// <summary>What a built image holds that a GPU measurement depends on, read from the image itself after Setup: the GPU
/// architectures of the compiled extensions in the source tree (<c>cuobjdump --list-elf</c> of every <c>*.so</c>), and
/// the stand-ins it carries (each file of <see cref="StandInFolder"/> names one, in its first line).</summary>
static partial class ExtensionProbe
{
    public const string StandInFolder = "/usr/share/maskbench/stand-ins";

    /// <summary>A fixed script; the source folder is its one argument (<c>$1</c>), never part of the text.</summary>
    const string Script = $$"""
        if [ -d {{StandInFolder}} ]; then
          for f in {{StandInFolder}}/*; do [ -f "$f" ] && printf 'stand-in %s: %s\n' "$(basename "$f")" "$(head -n 1 "$f")"; done
        fi
        command -v cuobjdump >/dev/null 2>&1 || { echo 'no cuobjdump'; exit 0; }
        find "$1" -name '*.so' -not -path '*/.git/*' | while read -r so; do cuobjdump --list-elf "$so" 2>/dev/null | sed 's/^/elf /'; done
        """;

    public static async Task<(IReadOnlyList<string>? Architectures, IReadOnlyList<string> StandIns)> ReadAsync(
        ContainerEngine engine,
        string image,
        string source,
        CancellationToken cancellation
    ) =>
        Parse(
            await engine.OutputAsync(
                ["run", "--rm", "--network", "none", "-v", $"{source}:{source}:ro", image, "sh", "-c", Script, "sh", source],
                cancellation
            )
        );

    /// <summary>The architectures (<c>sm_70</c>, sorted, distinct) of the cubins listed, null when none is (no
    /// extension with GPU code, or no cuobjdump); the stand-ins, one line each.</summary>
    internal static (IReadOnlyList<string>? Architectures, IReadOnlyList<string> StandIns) Parse(string output)
    {
        var lines = output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var architectures = lines
            .Where(l => l.StartsWith("elf ", StringComparison.Ordinal))
            .SelectMany(l => Cubin().Matches(l).Select(m => m.Groups[1].Value))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        var standIns = lines.Where(l => l.StartsWith("stand-in ", StringComparison.Ordinal)).Select(l => l["stand-in ".Length..]).ToList();
        return (architectures.Count == 0 ? null : architectures, standIns);
    }

    [GeneratedRegex(@"\.(sm_\d+[a-z]?)\.cubin\b")]
    private static partial Regex Cubin();
}
