using System.Globalization;

namespace MaskBench.Reports;

/// <summary>Where a row's figure comes from, in one line every output carries: the machine, host, stack, MaskBench
/// commit and date of a measured run (read from its manifest), or the folder of logs <c>Aggregate --from</c> read.</summary>
static class Provenance
{
    /// <summary>From the manifest beside a run's record; null when there is none (a run from before manifests).</summary>
    public static string? OfRun(string runFolder)
    {
        try
        {
            if (MaskBench.Model.Records.ManifestFacts.Read(runFolder) is not { } manifest)
                return null;
            var machine = manifest.Gpus is { } gpu
                ? $"{gpu.Count}× {string.Join(" + ", gpu.Models.Distinct())} (driver {gpu.Driver}, CUDA {gpu.Cuda})"
                : "the CPU (--gpus 0)";
            var where = manifest.Fact("slurm nodes") is { } nodes ? $"Slurm node {nodes}" : $"host {manifest.Fact("host") ?? "unknown"}";
            var date = manifest.Start?.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "an unknown date";
            var commit = manifest.Fact("maskbench") is { } c
                ? (c.Length > 12 && !c.Contains(' ') ? c[..12] + (c.EndsWith("-dirty") ? "-dirty" : "") : c)
                : "unknown";
            return $"measured on {machine}, {where}, {manifest.Fact("stack") ?? "page"} stack, MaskBench {commit}, {date}";
        }
        catch (FormatException e)
        {
            return $"measured; {e.Message}";
        }
    }

    public static string FromLogs(string folder) => $"read from the logs in {folder} (Aggregate --from), not measured by this build";
}
