// Speed of the Slurm executor through the local single-node cluster (run by scripts/bench-slurm.sh):
//  1. the delay from sbatch to the job's first log line, against `srun true`;
//  2. N fake trainings in flight at once through one executor (one shared poller), against one alone (the
//     slowest chain) and against N one after another (what the local executor does).
#:project ../src/MaskBench/MaskBench.csproj
#:property TreatWarningsAsErrors=false
using System.Diagnostics;
using System.Globalization;
using MaskBench.Tools.Slurm;

var root = Path.GetFullPath(Path.Combine(AppContext.GetData("EntryPointFileDirectoryPath") as string ?? ".", ".."));
if (!File.Exists(Path.Combine(root, "global.json")))
    root = Directory.GetCurrentDirectory();
var repeats = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
var inFlight = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 4;
var conf =
    Environment.GetEnvironmentVariable("SLURM_CONF") ?? throw new InvalidOperationException("set SLURM_CONF (scripts/bench-slurm.sh does)");
var commands = SlurmCommands.OnPath with { Variables = new Dictionary<string, string> { ["SLURM_CONF"] = conf } };
var client = new SlurmClient(commands);
var scratch = Directory.CreateTempSubdirectory("maskbench-bench-slurm-").FullName;
var trainer = Path.Combine(root, "tests", "fake-trainer", "fake_trainer.py");
static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
SlurmJobRequest Request(string name, params string[] command) =>
    new(
        name,
        Path.Combine(scratch, name),
        root,
        command,
        new SlurmResources(1, GpuDialect.Gres, "fake", false, "200M", 1, TimeLimit.For(TimeSpan.FromMinutes(5), TimeSpan.Zero)),
        new Dictionary<string, string> { ["PYTHONUNBUFFERED"] = "1" }
    );

// 1. srun true, then sbatch → first line.
var srun = new List<double>();
for (var i = 0; i < repeats; i++)
{
    var clock = Stopwatch.StartNew();
    using var process = Process.Start(new ProcessStartInfo("srun", ["--mem=50M", "true"]))!;
    await process.WaitForExitAsync();
    if (process.ExitCode != 0)
        throw new InvalidOperationException($"srun true failed with exit code {process.ExitCode}");
    srun.Add(clock.Elapsed.TotalSeconds);
}
var firstLine = new List<double>();
for (var i = 0; i < repeats; i++)
{
    var request = Request($"bench-first-line-{i}", "/bin/bash", "-c", "echo first line; sleep 1");
    BatchScript.Write(request);
    var clock = Stopwatch.StartNew();
    var id = await client.SubmitAsync(request.ScriptPath, root);
    var output = request.OutputFile(id);
    while (!File.Exists(output) || new FileInfo(output).Length == 0)
        await Task.Delay(5);
    firstLine.Add(clock.Elapsed.TotalSeconds);
}
Console.WriteLine($"srun true:                    median {Median(srun):0.000} s over {repeats} (min {srun.Min():0.000})");
Console.WriteLine(
    $"sbatch -> first log line:     median {Median(firstLine):0.000} s over {repeats} (min {firstLine.Min():0.000}, max {firstLine.Max():0.000})"
);

// 2. N trainings in flight at once, against one alone and N in a row.
string[] Training(string name) =>
    [
        "/usr/bin/python3",
        trainer,
        "--format",
        "plain",
        "--iterations",
        "100",
        "--time",
        "0.1",
        "--sleep-scale",
        "1",
        "--output",
        Path.Combine(scratch, name + ".out"),
    ];
async Task<double> Timed(Func<Task> run)
{
    var clock = Stopwatch.StartNew();
    await run();
    return clock.Elapsed.TotalSeconds;
}
SlurmExecutor Executor(string work) => SlurmExecutor.Create(commands, Path.Combine(scratch, work));
var alone = await Timed(async () => Check(await Executor("alone").RunAsync(Request("bench-alone", Training("alone")))));
var together = await Timed(async () =>
{
    var executor = Executor("together");
    foreach (
        var outcome in await executor.RunAllAsync(
            Enumerable.Range(0, inFlight).Select(i => Request($"bench-together-{i}", Training($"together-{i}")))
        )
    )
        Check(outcome);
    Console.WriteLine($"  {inFlight} in flight: {executor.Poller.Queries} squeue calls for all of them");
});
Console.WriteLine($"one training alone (10 s of iterations): {alone:0.0} s");
Console.WriteLine(
    $"{inFlight} trainings in flight at once:        {together:0.0} s = {together / alone:0.00}x the slowest alone (goal <= 1.2x)"
);
Console.WriteLine(
    $"{inFlight} one after another (local executor): ~{inFlight * alone:0.0} s = {inFlight}x; in flight saves {(1 - together / (inFlight * alone)) * 100:0} %"
);
Directory.Delete(scratch, recursive: true);

static void Check(SlurmJobOutcome outcome)
{
    if (!outcome.Succeeded)
        throw new InvalidOperationException(outcome.Message);
}
