using MaskBench.Files;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace MaskBench.Running;

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
    public const string FileName = "manifest.json";

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
            ["facts"] = JObject.FromObject(Request.Facts),
        };
        AtomicFile.WriteAllText(Path.Combine(folder, FileName), document.ToString(Formatting.Indented) + "\n");
    }
}
