// The line recorder's speed (run by scripts/bench-recorder.sh): a trainer printing N short lines as fast as it can,
// its own lines/s with stdout on /dev/null and through the real runner (console echo on, as in a build); and the
// recording process's peak memory (VmHWM) on one line of M megabytes.
// Usage: dotnet run --file scripts/bench-recorder.cs -- flood 500000 | bigline 200
#:project ../src/MaskBench/MaskBench.csproj
#:property TreatWarningsAsErrors=false
using System.Diagnostics;
using System.Globalization;
using MaskBench.Model.Logs;
using MaskBench.Stages.Train;
using MaskBench.Tools.Processes;
using Serilog;

var mode = args.ElementAtOrDefault(0) ?? "flood";
var size = int.Parse(args.ElementAtOrDefault(1) ?? (mode == "flood" ? "500000" : "200"), CultureInfo.InvariantCulture);
var scratch = Directory.CreateTempSubdirectory("maskbench-bench-recorder-").FullName;

// The build's console sink; the script's stdout goes to a file, as a build log would.
Log.Logger = new LoggerConfiguration().WriteTo.Console().CreateLogger();
const string Python = "/usr/bin/python3";
var flood =
    "import sys, time; t = time.perf_counter(); w = sys.stdout.write\n"
    + $"for i in range({size}): w('maskrcnn_benchmark.trainer INFO: noise line %d with some text to look like a log\\n' % i)\n"
    + "sys.stdout.flush(); print('%.4f' % (time.perf_counter() - t), file=sys.stderr)";
var bigline =
    $"import sys; b = 'x' * (1024 * 1024)\nfor i in range({size}): sys.stdout.write(b)\nsys.stdout.write('\\n'); sys.stdout.flush()";

double Peak() =>
    double.Parse(
        File.ReadLines("/proc/self/status")
            .First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1],
        CultureInfo.InvariantCulture
    ) / 1024;

async Task<(double Seconds, string Log)> Recorded(string code)
{
    var output = Directory.CreateDirectory(Path.Combine(scratch, "out", Guid.NewGuid().ToString("N"))).FullName;
    var request = new TrainRequest(
        "bench",
        new ProcessSpec([Python, "-c", code], scratch, new Dictionary<string, string>()),
        new LocalHost(),
        new NoWatcher(),
        "stdout",
        StopPolicy.For("cap"),
        [],
        new Window(10, 40),
        16,
        Path.Combine(scratch, "runs"),
        output,
        null,
        TimeSpan.FromMinutes(10),
        new Dictionary<string, string>()
    )
    {
        ProbeMachine = false,
    };
    var clock = Stopwatch.StartNew();
    var outcome = await Trainer.TrainAsync(request);
    return (clock.Elapsed.TotalSeconds, Path.Combine(outcome.RunDirectory, "train.log"));
}

try
{
    if (mode == "flood")
    {
        var bare = Process.Start(
            new ProcessStartInfo(Python, ["-c", flood])
            {
                RedirectStandardError = true,
                RedirectStandardOutput = false,
                StandardOutputEncoding = null,
                UseShellExecute = false,
                RedirectStandardInput = false,
            }
        )!;
        var bareSeconds = double.Parse((await bare.StandardError.ReadToEndAsync()).Trim(), CultureInfo.InvariantCulture);
        await bare.WaitForExitAsync();
        var (wall, log) = await Recorded(flood);
        var kept = File.ReadLines(log).Count();
        var trainerSeconds = File.ReadLines(log)
            .Select(l => double.TryParse(l, CultureInfo.InvariantCulture, out var s) ? s : (double?)null)
            .Last(s => s is not null)!
            .Value;
        Console.Error.WriteLine(
            $"flood {size} lines: trainer alone (stdout to the bench's stdout) {size / bareSeconds:0} lines/s; "
                + $"through the runner {size / trainerSeconds:0} lines/s (trainer's own time {trainerSeconds:0.00} s, run {wall:0.00} s); "
                + $"lines kept {kept - 1} of {size}; peak RSS {Peak():0} MB"
        );
    }
    else
    {
        var before = Peak();
        var (wall, log) = await Recorded(bigline);
        Console.Error.WriteLine(
            $"one {size} MB line: run {wall:0.00} s, log {new FileInfo(log).Length / 1048576.0:0.0} MB; peak RSS {Peak():0} MB (before the run {before:0} MB)"
        );
    }
}
finally
{
    Directory.Delete(scratch, recursive: true);
}

sealed class NoWatcher : ILogWatcher
{
    public Progress Observe(string line) => new(null, false, null);
}

// Lets this file compile against a MaskBench from before src/MaskBench/Processes (scripts/bench-recorder.sh --before).
namespace MaskBench.Processes { }
