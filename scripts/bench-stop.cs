// Speed of the runner's stop (run by scripts/bench-stop.sh): the delay between the line that completes the
// window and the whole process tree being gone, measured with the fake trainer through the real runner; and
// the GPU time each recipe saves against its full schedule.
#:project ../src/MaskBench/MaskBench.csproj
#:property TreatWarningsAsErrors=false
using System.Globalization;
using System.Text.RegularExpressions;
using MaskBench.Model.Catalog;
using MaskBench.Model.Logs;
using MaskBench.Stages.Train;
using MaskBench.Tools.Containers;
using MaskBench.Tools.Processes;

var root = Path.GetFullPath(Path.Combine(AppContext.GetData("EntryPointFileDirectoryPath") as string ?? ".", ".."));
if (!File.Exists(Path.Combine(root, "global.json")))
    root = Directory.GetCurrentDirectory();
var script = Path.Combine(root, "tests", "fake-trainer", "fake_trainer.py");
var repeats = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
var scratch = Directory.CreateTempSubdirectory("maskbench-bench-stop-").FullName;
var window = new Window(10, 40);
const double IterationSeconds = 0.05;

async Task<(double Delay, int Overshoot)> Once(string label, string[] extra, IExecutionHost host, string python)
{
    var output = OutputFolders.Fresh(Path.Combine(scratch, "work"), label);
    var request = new TrainRequest(
        label,
        new ProcessSpec(
            [
                python,
                script,
                "--format",
                "plain",
                "--iterations",
                "100000",
                "--time",
                IterationSeconds.ToString(CultureInfo.InvariantCulture),
                "--sleep-scale",
                "1",
                "--output",
                output,
                .. extra,
            ],
            scratch,
            new Dictionary<string, string>()
        ),
        host,
        new PlainWatcher(window),
        "stdout",
        StopPolicy.For("watch") with
        {
            Grace = TimeSpan.FromSeconds(1),
        },
        [],
        window,
        16,
        Path.Combine(scratch, "runs"),
        output,
        null,
        TimeSpan.FromMinutes(2),
        new Dictionary<string, string>()
    )
    {
        ProbeMachine = false,
        EchoLines = false,
        ProgressInterval = TimeSpan.FromHours(1),
    };
    var outcome = await Trainer.TrainAsync(request);
    if (!outcome.Succeeded || outcome.StopDelay is null)
        throw new InvalidOperationException(outcome.Message);
    return (outcome.StopDelay.Value.TotalSeconds, (outcome.LastIteration ?? 0) - window.End);
}

var cases = new List<(string Label, string[] Extra, IExecutionHost Host, string Python)>
{
    ("local, stops on SIGINT", [], new LocalHost(), "/usr/bin/python3"),
    ("local, 2 children ignore SIGINT (grace 1 s)", ["--spawn-children", "2", "--ignore-sigint"], new LocalHost(), "/usr/bin/python3"),
};
if (Environment.GetEnvironmentVariable("BENCH_PODMAN_IMAGE") is { Length: > 0 } image)
    cases.Add(
        (
            "podman container, stops on SIGINT",
            [],
            new ContainerHost(
                new ContainerHostOptions(
                    "podman",
                    image,
                    [scratch, Path.GetDirectoryName(script)!],
                    0,
                    ["--network=none"],
                    new Dictionary<string, string> { ["CONTAINERS_CONF"] = "/etc/maskbench/containers.conf" }
                )
            ),
            "python3"
        )
    );

Console.WriteLine($"Stop delay: last window line -> process tree gone ({repeats} runs each, fake trainer, {IterationSeconds}s/iteration)");
Console.WriteLine("| case | median s | max s | iterations past the window (max) |");
Console.WriteLine("|---|---|---|---|");
var medians = new List<double>();
foreach (var (label, extra, host, python) in cases)
{
    var runs = new List<(double Delay, int Overshoot)>();
    for (var i = 0; i < repeats; i++)
        runs.Add(await Once(Regex.Replace(label, "[^a-z0-9]+", "-"), extra, host, python));
    var sorted = runs.Select(r => r.Delay).Order().ToList();
    medians.Add(sorted[sorted.Count / 2]);
    Console.WriteLine($"| {label} | {sorted[sorted.Count / 2]:0.000} | {sorted[^1]:0.000} | {runs.Max(r => r.Overshoot)} |");
}

Console.WriteLine();
Console.WriteLine("GPU time saved: iterations run against the full schedule (window 101..500, 8 GPUs)");
Console.WriteLine("| recipe | stop | iterations run | full schedule | share run | saved |");
Console.WriteLine("|---|---|---|---|---|---|");
var values = new Dictionary<string, string>
{
    ["window_end"] = "500",
    ["gpus"] = "8",
    ["output"] = "/out",
    ["weights"] = "/w",
    ["coco"] = "/coco",
};
foreach (var recipe in RecipeCatalog.Load(Path.Combine(root, "recipes")).All)
{
    int run;
    if (recipe.Stop.Mode == "cap")
        run = Placeholders
            .Fill(recipe.Stop.Arguments, values)
            .SelectMany(a => Regex.Matches(a, @"\d+").Select(m => int.Parse(m.Value, CultureInfo.InvariantCulture)))
            .Where(n => n >= 100)
            .DefaultIfEmpty(500)
            .Max();
    else
    {
        // The watched line ends the window; the tree is gone a median stop delay later, at the page's speed.
        var secondsPerIteration = recipe.Images.PerIteration(8) / (recipe.Published ?? 10);
        run = 500 + (int)Math.Ceiling(medians[0] / secondsPerIteration);
    }
    var share = (double)run / recipe.FullScheduleIterations;
    Console.WriteLine($"| {recipe.Id} | {recipe.Stop.Mode} | {run} | {recipe.FullScheduleIterations} | {share:P2} | {1 - share:P2} |");
}
Directory.Delete(scratch, recursive: true);

sealed partial class PlainWatcher(Window window) : ILogWatcher
{
    public Progress Observe(string line)
    {
        var match = Line().Match(line);
        if (!match.Success)
            return new Progress(null, false, null);
        var iteration = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return new Progress(iteration, iteration >= window.End, null);
    }

    [GeneratedRegex(@"^iter (\d+) time")]
    private static partial Regex Line();
}
