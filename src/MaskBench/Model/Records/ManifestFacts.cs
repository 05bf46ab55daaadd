using MaskBench.Tools.Telemetry;
using Newtonsoft.Json.Linq;

namespace MaskBench.Model.Records;

/// <summary>What the readers of <c>manifest.json</c> need, typed: the GPUs the run had, when it ran, the facts it was
/// given and what the sampler recorded. The one way to read a manifest (the Trainer's RunManifest writes it).</summary>
/// <param name="Gpus">The GPUs nvidia-smi named on the machine that trained; null on a CPU run.</param>
/// <param name="Facts">The string facts of the run (<c>host</c>, <c>stack</c>, <c>maskbench</c>, <c>slurm nodes</c>, …).</param>
/// <param name="Telemetry">What the sampler recorded; null when none ran (a CPU run).</param>
internal sealed record ManifestFacts(
    GpuFacts? Gpus,
    DateTimeOffset? Start,
    DateTimeOffset? End,
    IReadOnlyDictionary<string, string> Facts,
    TelemetrySummary? Telemetry
)
{
    public string? Fact(string key) => Facts.TryGetValue(key, out var value) ? value : null;

    /// <summary>The manifest beside a run's log; null when there is none. A manifest that does not parse throws
    /// <see cref="FormatException"/> with the file named.</summary>
    public static ManifestFacts? Read(string runFolder)
    {
        var file = Path.Combine(runFolder, RunFiles.Manifest);
        if (!File.Exists(file))
            return null;
        try
        {
            var manifest = JObject.Parse(File.ReadAllText(file));
            var gpus = manifest["gpu"] is JObject gpu
                ? new GpuFacts([.. gpu["models"]?.Values<string>().OfType<string>() ?? []], (string?)gpu["driver"], (string?)gpu["cuda"])
                : null;
            var facts = (manifest["facts"] as JObject ?? [])
                .Properties()
                .Where(p => p.Value.Type == JTokenType.String)
                .ToDictionary(p => p.Name, p => (string)p.Value!);
            var telemetry = manifest["telemetry"] is JObject t
                ? new TelemetrySummary(
                    (string?)t["file"] ?? RunFiles.Telemetry,
                    (int?)t["samples"] ?? 0,
                    (double?)t["vanishedAt"],
                    (string?)t["problem"]
                )
                : null;
            return new ManifestFacts(gpus, Date(manifest["start"]), Date(manifest["end"]), facts, telemetry);
        }
        catch (Exception e) when (e is Newtonsoft.Json.JsonException or InvalidCastException or ArgumentException or IOException)
        {
            throw new FormatException($"the manifest {file} cannot be read ({e.Message.Split('\n')[0]})", e);
        }
    }

    static DateTimeOffset? Date(JToken? token) =>
        token?.Type switch
        {
            JTokenType.Date => token.Value<DateTime>() is var d ? new DateTimeOffset(d.ToUniversalTime(), TimeSpan.Zero) : null,
            JTokenType.String => DateTimeOffset.TryParse((string?)token, System.Globalization.CultureInfo.InvariantCulture, out var d)
                ? d
                : null,
            _ => null,
        };
}
