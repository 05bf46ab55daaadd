using System.Globalization;
using Newtonsoft.Json.Linq;

namespace MaskBench.Reports;

/// <summary>Where a row's figure comes from, in one line every output carries: the machine, host, stack, MaskBench
/// commit and date of a measured run (read from its manifest), or the folder of logs <c>Aggregate --from</c> read.</summary>
static class Provenance
{
    /// <summary>From the manifest beside a run's record; null when there is none (a run from before manifests).</summary>
    public static string? OfRun(string runFolder)
    {
        var file = Path.Combine(runFolder, Running.RunManifest.FileName);
        if (!File.Exists(file))
            return null;
        try
        {
            var manifest = JObject.Parse(File.ReadAllText(file));
            var facts = manifest["facts"] as JObject ?? [];
            string? Fact(string key) => facts[key]?.Type == JTokenType.String ? (string?)facts[key] : null;
            var machine = manifest["gpu"] is JObject gpu
                ? $"{(int?)gpu["count"]}× {string.Join(" + ", gpu["models"]!.Values<string>().Distinct())} (driver {gpu["driver"]}, CUDA {gpu["cuda"]})"
                : "the CPU (--gpus 0)";
            var where = Fact("slurm nodes") is { } nodes ? $"Slurm node {nodes}" : $"host {Fact("host") ?? "unknown"}";
            var date =
                manifest["start"]?.Type == JTokenType.Date
                    ? ((DateTime)manifest["start"]!).ToUniversalTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                    : (string?)manifest["start"] ?? "an unknown date";
            var commit = Fact("maskbench") is { } c
                ? (c.Length > 12 && !c.Contains(' ') ? c[..12] + (c.EndsWith("-dirty") ? "-dirty" : "") : c)
                : "unknown";
            return $"measured on {machine}, {where}, {Fact("stack") ?? "page"} stack, MaskBench {commit}, {date}";
        }
        catch (Exception e) when (e is Newtonsoft.Json.JsonException or IOException or InvalidCastException or FormatException)
        {
            return $"measured; its manifest {file} cannot be read ({e.Message})";
        }
    }

    public static string FromLogs(string folder) => $"read from the logs in {folder} (Aggregate --from), not measured by this build";
}
