using MaskBench.Model;
using MaskBench.Model.Records;
using MaskBench.Tools.Telemetry;
using Newtonsoft.Json.Linq;

namespace MaskBench.Tests.Telemetry;

/// <summary>A stand-in for the <c>manifest.json</c> Train writes beside a run's log: only the members Parse reads (the
/// GPUs nvidia-smi named, and what the sampler recorded), for a run folder a spec made without Train.</summary>
static class ManifestStandIn
{
    public static void Write(string runFolder, int gpus, TelemetrySummary? telemetry)
    {
        var manifest = new JObject
        {
            ["gpu"] = new JObject
            {
                ["models"] = new JArray(Enumerable.Repeat("Tesla V100-SXM2-16GB", gpus)),
                ["count"] = gpus,
                ["driver"] = "535.104.05",
                ["cuda"] = "12.2",
            },
            ["telemetry"] = telemetry is null
                ? JValue.CreateNull()
                : new JObject
                {
                    ["file"] = Path.GetFileName(telemetry.File),
                    ["samples"] = telemetry.Samples,
                    ["vanishedAt"] = telemetry.VanishedAt,
                    ["problem"] = telemetry.Problem,
                },
        };
        File.WriteAllText(Path.Combine(runFolder, RunFiles.Manifest), manifest.ToString());
    }
}
