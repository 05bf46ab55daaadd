using MaskBench.Model;
using MaskBench.Model.Logs;
using MaskBench.Model.Records;
using MaskBench.Tools.Telemetry;

namespace MaskBench.Stages.Parse;

/// <summary>Judges a parsed run's GPUs once, at Parse, from the telemetry beside its log over the measured window's
/// seconds; the verdict is stored in the run's record and its history record, and every reader takes it from there.</summary>
internal static class GpuJudgement
{
    /// <summary>The verdict of a measured run: <c>no-gpu</c> for a CPU run (its manifest names no GPU), <c>unknown</c>
    /// with why when the GPUs were not watched throughout (no manifest, no telemetry, the sampler lost), else
    /// <see cref="GpuVerdict.Of"/> over the window (over all of the run's lines when the window's seconds are not known).
    /// Null for a run that was not measured.</summary>
    public static GpuVerdict? Of(string runFolder, ThroughputResult result)
    {
        if (result.Status == ThroughputResult.Failed || result.Throughput is null)
            return null;
        ManifestFacts? manifest;
        try
        {
            manifest = ManifestFacts.Read(runFolder);
        }
        catch (FormatException e)
        {
            return GpuVerdict.None(e.Message);
        }
        if (manifest is null)
            return GpuVerdict.None($"no {RunFiles.Manifest} beside the log: nothing says which GPUs trained");
        if (manifest.Gpus is null)
            return GpuVerdict.OnCpu;
        if (!File.Exists(Path.Combine(runFolder, RunFiles.Telemetry)))
            return GpuVerdict.None(manifest.Telemetry?.Problem ?? $"no {RunFiles.Telemetry}: the GPUs were not sampled");
        try
        {
            if (result.WindowSeconds is [var start, var end])
                return GpuVerdict.FromFolder(runFolder, start, end);
            return new RunFolder(runFolder).ReadTimes() is [_, .., var last]
                ? GpuVerdict.FromFolder(runFolder, 0, last)
                : GpuVerdict.None($"no {RunFiles.Times}: the window's seconds are not known");
        }
        catch (Exception e) when (e is FormatException or IOException)
        {
            return GpuVerdict.None($"{RunFiles.Telemetry} cannot be read ({e.Message.Split('\n')[0]})");
        }
    }
}
