// What GPU telemetry costs (run by scripts/bench-sampler.sh), measured rather than asserted: 40 s of 1 Hz sampling of
// 8 stand-in GPUs (tests/stand-ins/nvidia-smi; the first 20 s and the next 20 s apart) after 20 s without (the
// baseline): this process's CPU time and the reaped children's (the stand-in and what it ran: /proc/self/stat).
// Usage: dotnet run --file scripts/bench-sampler.cs
#:project ../src/MaskBench/MaskBench.csproj
#:property TreatWarningsAsErrors=false
using System.Diagnostics;
using System.Globalization;
using MaskBench.Model;
using MaskBench.Tools.Telemetry;

var root = Path.GetFullPath(Path.Combine(AppContext.GetData("EntryPointFileDirectoryPath") as string ?? "scripts", ".."));
var scratch = Directory.CreateTempSubdirectory("maskbench-bench-sampler-").FullName;
var standIn = Path.Combine(scratch, "nvidia-smi");
File.WriteAllText(
    standIn,
    $"#!/bin/sh\nNVIDIA_SMI_SCENARIO=clean NVIDIA_SMI_GPUS=8 exec '{Path.Combine(root, "tests", "stand-ins", "nvidia-smi")}' \"$@\"\n"
);
File.SetUnixFileMode(standIn, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
var folder = Directory.CreateDirectory(Path.Combine(scratch, "run")).FullName;
var clock = Stopwatch.StartNew();
await Task.Delay(TimeSpan.FromSeconds(10)); // let the process settle (tiered JIT)
var idle = await OwnCpuAsync(TimeSpan.FromSeconds(20));
double first,
    steady,
    childCpu,
    wall;
await using (var sampler = await GpuSampler.StartAsync(folder, clock, new SamplerOptions(NvidiaSmi: standIn)))
{
    var children = ChildrenSeconds();
    first = await OwnCpuAsync(TimeSpan.FromSeconds(20));
    var started = clock.Elapsed.TotalSeconds;
    steady = await OwnCpuAsync(TimeSpan.FromSeconds(20));
    wall = clock.Elapsed.TotalSeconds - started;
    await sampler.StopAsync();
    childCpu = ChildrenSeconds() - children;
}
var samples = TelemetryFile.Read(Path.Combine(folder, RunFiles.Telemetry)).Samples.Count;
Console.WriteLine(
    string.Create(
        CultureInfo.InvariantCulture,
        $"sampler, 8 GPUs at 1 Hz: {samples} samples in 40 s; this process {100 * steady / wall:0.00} % of a core in steady state, {100 * first / 20:0.00} % over the first 20 s (idle without the sampler: {100 * idle / 20:0.00} %); the stand-in nvidia-smi and its children {100 * childCpu / 40:0.00} %"
    )
);
Directory.Delete(scratch, recursive: true);

static async Task<double> OwnCpuAsync(TimeSpan span)
{
    var before = Process.GetCurrentProcess().TotalProcessorTime;
    await Task.Delay(span);
    return (Process.GetCurrentProcess().TotalProcessorTime - before).TotalSeconds;
}

// User and system time of this process's reaped children, from /proc/self/stat (fields 16 and 17).
static double ChildrenSeconds()
{
    var stat = File.ReadAllText("/proc/self/stat");
    var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
    var ticks = long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture);
    return ticks / 100.0;
}
