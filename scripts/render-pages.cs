// Sample pages for scripts/render-pages.sh: every page and chart the reports write, from made-up figures shaped
// like the real ones (the page's seven rows with repeats, a suspect and a failure; a GPU and a CPU history with a
// regression at the newest commit; a bisect whose first bad commit is the last, with one that does not build).
// Usage: dotnet run --file scripts/render-pages.cs -- OUTPUT_FOLDER
#:project ../src/MaskBench/MaskBench.csproj
#:property TreatWarningsAsErrors=false
using MaskBench.Foundation.Statistics;
using MaskBench.History.Bisect;
using MaskBench.Model.Logs;
using MaskBench.Reports;
using MaskBench.Reports.Charts;

var output = Path.GetFullPath(args.ElementAtOrDefault(0) ?? "artifacts/render-pages");
Directory.CreateDirectory(Path.Combine(output, "over-time", "8xV100"));
var random = new Random(24);
string Sha() => Convert.ToHexStringLower(Enumerable.Range(0, 20).Select(_ => (byte)random.Next(256)).ToArray());

// benchmark.md, .csv, .json, .svg, .html
BenchmarkRow Row(string id, string name, string status, double? t, double? published, int images, params double[] repeats) =>
    new(
        id,
        name,
        id,
        status,
        t,
        published,
        t / published,
        new IterationRange(101, 500),
        t is null ? null : new IterationRange(101, 500),
        true,
        images,
        status == ThroughputResult.Suspect ? t / 2 : null,
        status is "ok" or "suspect" ? null
            : status == "failed" ? "window-not-covered: log ends at iteration 231; the window needs 501"
            : "no log at artifacts/runs/detectron/1/train.log",
        null
    )
    {
        Runs =
            repeats.Length == 0
                ? (t is null ? [] : [new RunFigure(1, status, t, "clean")])
                : [.. repeats.Select((r, i) => new RunFigure(i + 1, "ok", r, "clean"))],
        Interval = repeats.Length > 1 ? [repeats.Min(), repeats.Max()] : null,
        IntervalConfidence = repeats.Length > 1 ? 1 - Math.Pow(0.5, repeats.Length - 1) : null,
        Provenance = t is null
            ? null
            : "measured on 8× Tesla V100-SXM2-16GB (driver 535.104, CUDA 12.2), host gpu1, page stack, MaskBench 0123456789ab, 2026-01-12",
    };
BenchmarkRow[] rows =
[
    Row("detectron2", "Detectron2", "ok", 61.9, 62, 16, 60.8, 61.5, 61.9, 62.3, 63.0),
    Row("mmdetection", "mmdetection", "suspect", 53.0, 53, 16),
    Row("maskrcnn-benchmark", "maskrcnn-benchmark", "ok", 52.9, 53, 16, 51.2, 52.9, 53.4),
    Row("tensorpack", "tensorpack", "ok", 49.9, 50, 8),
    Row("matterport", "matterport/Mask_RCNN", "ok", 14.0, 14, 16),
    Row("torchvision", "torchvision (MaskBench)", "ok", 0.65, null, 2, 0.61, 0.65, 0.66),
    Row("simpledet", "SimpleDet", "failed", null, 39, 16),
    Row("detectron", "Detectron", "missing", null, 19, 16),
];
BenchmarkTable.Write(rows, output);

// over-time/<machine>/<id>.svg and over-time/index.html
IReadOnlyList<TimelinePoint> Points(double fast, double slow, double noise, int count, int firstSlow)
{
    var points = new List<TimelinePoint>();
    var earlier = new List<double>();
    for (var i = 0; i < count; i++)
    {
        var mean = i >= firstSlow ? slow : fast;
        var runs = Enumerable.Range(0, 3).Select(_ => Math.Round(mean * (1 + noise * (random.NextDouble() * 2 - 1)), 3)).ToList();
        var baseline = earlier.TakeLast(9).ToList();
        points.Add(
            new TimelinePoint(
                Sha(),
                DateTimeOffset.UnixEpoch.AddDays(20470 + i),
                runs,
                baseline.Count > 0 ? Verdict.Between(runs, baseline) : null
            )
        );
        earlier.AddRange(runs);
    }
    return points;
}
var gpu = HistoryChart.Svg("detectron2", "8xV100", Points(60.5, 54, 0.02, 12, 11), (61.5, 62.5));
var cpu = HistoryChart.Svg("torchvision", "8xV100", Points(0.16, 0.10, 0.03, 10, 6), null);
File.WriteAllText(Path.Combine(output, "over-time", "8xV100", "detectron2.svg"), gpu);
File.WriteAllText(Path.Combine(output, "over-time", "8xV100", "torchvision.svg"), cpu);
File.WriteAllText(
    Path.Combine(output, "over-time", "index.html"),
    OverTimePage.Html(
        [
            new OverTimeChart("8xV100", "detectron2", "Detectron2", gpu, null),
            new OverTimeChart(
                "8xV100",
                "torchvision",
                "torchvision (MaskBench)",
                cpu,
                "Runs of window 101..500, 2 img/iteration, page stack; left out: 4 runs of another window 4..10."
            ),
        ],
        9,
        DateTimeOffset.UtcNow
    )
);

// bisect/<id>.svg: 16 commits, good..bad, the first bad the last one, commit 4 does not build
var commits = Enumerable.Range(0, 16).Select(_ => Sha()).ToList();
ProbeRecord Probe(int index, double mean, string decision) =>
    new(
        commits[index],
        index,
        [.. Enumerable.Range(0, 5).Select(_ => Math.Round(mean * (1 + 0.01 * (random.NextDouble() * 2 - 1)), 3))],
        null,
        decision
    );
ProbeRecord[] probes =
[
    Probe(0, 60, "good"),
    Probe(7, 60, "good"),
    Probe(11, 60, "good"),
    Probe(13, 60, "good"),
    Probe(14, 60, "good"),
    new(commits[4], 4, [], "the build failed: error: 'THCudaCheck' was not declared in this scope", "skipped"),
    Probe(15, 54, "bad"),
];
var bisect = new BisectResult(
    "detectron2",
    commits[0],
    commits[15],
    commits[15],
    commits[14],
    16,
    probes.Length,
    probes.Length,
    30,
    [],
    [.. probes.OrderBy(p => p.Index)]
);
Directory.CreateDirectory(Path.Combine(output, "bisect"));
File.WriteAllText(Path.Combine(output, "bisect", "detectron2.svg"), BisectChart.Svg(bisect));
Console.WriteLine(output);
