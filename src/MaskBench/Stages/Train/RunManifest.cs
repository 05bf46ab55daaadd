using MaskBench.Foundation.Files;
using MaskBench.Model;
using MaskBench.Model.Records;
using MaskBench.Tools.Telemetry;
using Newtonsoft.Json.Linq;

namespace MaskBench.Stages.Train;

/// <summary><c>manifest.json</c>: the machine, the software and the command of one run.</summary>
sealed record RunManifest(
    TrainRequest Request,
    HostedProcess Hosted,
    DateTimeOffset Started,
    DateTimeOffset Ended,
    Trainer.Execution Execution,
    RunVerdict Verdict,
    GpuFacts? Gpus,
    JObject? Versions
)
{
    /// <summary>The GPUs' static state before the run (clocks, power limit, ECC, MIG, persistence, PCIe, topology).</summary>
    public JObject? GpuState { get; init; }

    /// <summary>What the GPU sampler recorded into <c>telemetry.tsv</c>, and any problem it had.</summary>
    public MaskBench.Tools.Telemetry.TelemetrySummary? Telemetry { get; init; }

    public void Write(string folder)
    {
        var document = new JObject
        {
            ["id"] = Request.Id,
            ["succeeded"] = Verdict.Succeeded,
            ["failure"] = Verdict.Kind,
            ["summary"] = Verdict.Summary,
            ["start"] = Started.ToString("O"),
            ["end"] = Ended.ToString("O"),
            ["seconds"] = Math.Round((Ended - Started).TotalSeconds, 3),
            ["host"] = Request.Host.Description,
            ["command"] = new JArray(Request.Process.Command),
            ["launched"] = new JArray(Hosted.Arguments.Prepend(Hosted.Program)),
            ["workingDirectory"] = Request.Process.WorkingDirectory,
            ["variables"] = JObject.FromObject(Request.Process.Variables),
            ["output"] = Request.OutputDirectory,
            ["window"] = Request.Window.ToString(),
            ["stopMode"] = Request.Stop.Mode,
            ["stopReason"] = Execution.StopReason,
            ["exitCode"] = Execution.ExitCode,
            ["leftover"] = Execution.Leftover,
            ["gpu"] = Gpus is null
                ? JValue.CreateNull()
                : new JObject
                {
                    ["models"] = new JArray(Gpus.Models),
                    ["count"] = Gpus.Count,
                    ["driver"] = Gpus.Driver,
                    ["cuda"] = Gpus.Cuda,
                },
            ["versions"] = Versions,
            ["gpuState"] = GpuState,
            ["telemetry"] = Telemetry is null
                ? JValue.CreateNull()
                : new JObject
                {
                    ["file"] = System.IO.Path.GetFileName(Telemetry.File),
                    ["samples"] = Telemetry.Samples,
                    ["vanishedAt"] = Telemetry.VanishedAt,
                    ["problem"] = Telemetry.Problem,
                },
            ["facts"] = JObject.FromObject(Request.Facts),
        };
        JsonFiles.Write(Path.Combine(folder, RunFiles.Manifest), document);
    }
}
