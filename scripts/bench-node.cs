// What the node side of a Slurm training adds before the training starts (run by scripts/bench-node.sh):
//  1. preflight's GPU checks as Supervise runs them on the node (GPU count and compute capability, then the idle check's
//     three readings), against the stand-in nvidia-smi answering as 8 idle V100s;
//  2. `srun podman run --rm <test image> true` (the container --slurm-container podman starts in the job) against `srun true`.
#:project ../src/MaskBench/MaskBench.csproj
#:property TreatWarningsAsErrors=false
using System.Diagnostics;
using System.Globalization;
using MaskBench.Stages.Train;
using MaskBench.Tools.Telemetry;

var root = Path.GetFullPath(Path.Combine(AppContext.GetData("EntryPointFileDirectoryPath") as string ?? ".", ".."));
if (!File.Exists(Path.Combine(root, "global.json")))
    root = Directory.GetCurrentDirectory();
var repeats = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

// 1. The node's preflight, with a stand-in that answers as 8 idle GPUs.
var scratch = Directory.CreateTempSubdirectory("maskbench-bench-node-").FullName;
var smi = Path.Combine(scratch, "nvidia-smi");
File.WriteAllText(smi, $"#!/bin/sh\nNVIDIA_SMI_GPUS=8 exec '{Path.Combine(root, "tests", "stand-ins", "nvidia-smi")}' \"$@\"\n");
if (!OperatingSystem.IsWindows())
    File.SetUnixFileMode(smi, (UnixFileMode)0b111_101_101);
var preflight = new List<double>();
for (var i = 0; i < repeats; i++)
{
    var clock = Stopwatch.StartNew();
    var problems = (await Preflight.CheckAsync(new PreflightRequest(8, null, []) { NvidiaSmi = smi })).ToList();
    var idle = await MaskBench.Tools.Telemetry.IdleCheck.RunAsync(null, smi);
    if (problems.Count > 0 || idle.Idle != true)
        throw new InvalidOperationException($"the stand-in's GPUs were refused: {string.Join("; ", problems)} {idle.Problem}");
    preflight.Add(clock.Elapsed.TotalSeconds);
}
Directory.Delete(scratch, true);

// 2. A container in the job against a bare step.
async Task<List<double>> SrunAsync(params string[] command)
{
    var times = new List<double>();
    for (var i = 0; i < repeats; i++)
    {
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(new ProcessStartInfo("srun", ["--mem=200M", .. command]))!;
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"srun {string.Join(" ", command)} failed with exit code {process.ExitCode}");
        times.Add(clock.Elapsed.TotalSeconds);
    }
    return times;
}
var bare = await SrunAsync("true");
var podman = await SrunAsync(
    "podman",
    "run",
    "--rm",
    "--init",
    "--ipc=host",
    "--network=host",
    "localhost/maskbench-test-python:bookworm-3",
    "true"
);
Console.WriteLine($"node preflight (8 GPUs):          median {Median(preflight):0.000} s over {repeats} (min {preflight.Min():0.000})");
Console.WriteLine($"srun true:                        median {Median(bare):0.000} s over {repeats} (min {bare.Min():0.000})");
Console.WriteLine($"srun podman run <image> true:     median {Median(podman):0.000} s over {repeats} (min {podman.Min():0.000})");
