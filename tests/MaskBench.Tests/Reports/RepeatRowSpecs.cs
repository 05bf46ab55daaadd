using System.Globalization;
using MaskBench.Model;
using MaskBench.Model.Catalog;
using MaskBench.Model.Logs;
using MaskBench.Model.Records;
using MaskBench.Reports;
using MaskBench.Stages;
using MaskBench.Stages.Parse;
using MaskBench.Tests.Parsing;
using MaskBench.Tests.Snapshots;
using MaskBench.Tools.Telemetry;
using Newtonsoft.Json.Linq;

namespace MaskBench.Tests.Reports;

/// <summary>A row over repeated runs: the median of the measured runs, an exact interval of it, the spread, every run.</summary>
public sealed class RepeatRowSpecs : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("maskbench-repeats-").FullName;
    readonly RecipeCatalog catalog = RecipeCatalog.Load(Paths.Repository("recipes"));

    public void Dispose() => Directory.Delete(folder, true);

    /// <summary>Run n of detectron2 at <paramref name="time"/> s per 16-image iteration (16/time img/s), parsed and recorded;
    /// null: a run whose Train failed.</summary>
    string Run(int repeat, double? time)
    {
        var run = Path.Combine(folder, "detectron2", repeat.ToString(CultureInfo.InvariantCulture));
        var record = Path.Combine(run, "record.json");
        if (time is not { } t)
        {
            Directory.CreateDirectory(run);
            RunRecords.Write(
                record,
                new RunRecord(
                    1,
                    "detectron2",
                    repeat,
                    "failed",
                    "Train",
                    "the log shows a failure (oom)",
                    "train.log",
                    DateTimeOffset.UnixEpoch,
                    null
                )
            );
            return record;
        }
        _ = new TestRun(new LogOptions("detectron2", Time: t, Jitter: 0), run);
        var result = RunParser.Parse(catalog.Get("detectron2"), run, 16, Window.Page);
        RunRecords.Write(
            record,
            new RunRecord(1, "detectron2", repeat, result.Status, "Parse", null, "train.log", DateTimeOffset.UnixEpoch, result)
        );
        return record;
    }

    [Fact]
    public void Five_runs_and_a_failed_one_give_the_median_its_exact_interval_and_every_run()
    {
        // Arrange
        double?[] times = [0.20, 0.25, 0.22, 0.24, 0.30, null];
        var records = times.Select((t, i) => Run(i + 1, t)).ToList();

        // Act
        var row = Aggregator.FromRecords([catalog.Get("detectron2")], _ => records, r => 16).Single();

        // Assert
        Assert.Equal("ok", row.Status);
        Assert.Equal(16 / 0.24, row.Throughput!.Value, 1);
        Assert.Equal(16 / 0.30, row.Interval![0], 1);
        Assert.Equal(16 / 0.20, row.Interval[1], 1);
        Assert.Equal(1 - 2 * Math.Pow(0.5, 5), row.IntervalConfidence!.Value, 6);
        Assert.Equal(6, row.Runs.Count);
        Assert.Equal(5, row.Runs.Count(r => r.Throughput is not null));
        Assert.Equal("failed", row.Runs[5].Status);
        Assert.All(row.Runs, r => Assert.Equal("unknown", r.Gpu));
        Assert.Contains("1 of 6 runs", row.Note);
        Assert.InRange(row.Cov!.Value, 0.1, 0.2);
        Snapshot.Match("benchmark-repeats", BenchmarkTable.Markdown([row]).Replace(folder, "TMP"), "md");
        Snapshot.Match("benchmark-repeats", BarChart.Svg([row]), "svg");
        Snapshot.Match("benchmark-repeats", HtmlReport.Html([row], DateTimeOffset.UnixEpoch).Replace(folder, "TMP"), "html");
        Assert.Contains("<path d=\"M", BarChart.Svg([row]));
    }

    [Fact]
    public void Three_runs_are_labelled_with_the_75_percent_their_range_reaches_in_every_output()
    {
        // Arrange: with 3 runs the interval is [min, max], which covers the median with 1 - 2 * 0.5^3 = 75 %
        double?[] times = [0.20, 0.25, 0.22];
        var records = times.Select((t, i) => Run(i + 1, t)).ToList();
        var row = Aggregator.FromRecords([catalog.Get("detectron2")], _ => records, r => 16).Single();

        // Act
        var markdown = BenchmarkTable.Markdown([row]);
        var html = HtmlReport.Html([row], DateTimeOffset.UnixEpoch);
        var csv = Csv(BenchmarkTable.Csv([row]));
        var json = JObject.Parse(BenchmarkTable.Json([row]))["rows"]![0]!;

        // Assert
        var interval = $"[{16 / 0.25:0.0}–{16 / 0.20:0.0}] (75 % interval), 3 runs";
        Assert.Contains($"{16 / 0.22:0.0} {interval}", markdown);
        Assert.Contains($"{16 / 0.22:0.0}<br><span class=\"sub\">{System.Net.WebUtility.HtmlEncode(interval)}</span>", html); // on a line of its own
        var (header, values) = (csv[0], csv[1]);
        Assert.DoesNotContain(header, h => h.Contains("ci95"));
        Assert.Equal(0.75, double.Parse(values[Array.IndexOf(header, "interval_confidence")], CultureInfo.InvariantCulture));
        Assert.Equal(16 / 0.25, double.Parse(values[Array.IndexOf(header, "interval_low")], CultureInfo.InvariantCulture), 2);
        Assert.Equal(16 / 0.20, double.Parse(values[Array.IndexOf(header, "interval_high")], CultureInfo.InvariantCulture), 2);
        Assert.Equal(0.75, json["intervalConfidence"]!.Value<double>(), 6);
        Assert.Equal(16 / 0.25, json["interval"]![0]!.Value<double>(), 2);
        Assert.Null(json["ci95"]);
    }

    /// <summary>The CSV's records, quoted fields unquoted (the method holds commas).</summary>
    static List<string[]> Csv(string text)
    {
        using var parser = new Microsoft.VisualBasic.FileIO.TextFieldParser(new StringReader(text))
        {
            Delimiters = [","],
            HasFieldsEnclosedInQuotes = true,
        };
        var records = new List<string[]>();
        while (!parser.EndOfData)
            records.Add(parser.ReadFields()!);
        return records;
    }

    /// <summary>A CSV line's fields; a quoted field (the method) may hold commas.</summary>
    static string[] CsvFields(string line) =>
        [.. System.Text.RegularExpressions.Regex.Matches(line, "(?<=^|,)(\"(?:[^\"]|\"\")*\"|[^,]*)").Select(m => m.Value)];

    [Fact]
    public void One_run_has_one_entry_and_no_interval()
    {
        // Arrange
        var record = Run(1, 0.25);

        // Act
        var row = Aggregator.FromRecords([catalog.Get("detectron2")], _ => [record], r => 16).Single();

        // Assert
        Assert.Single(row.Runs);
        Assert.Null(row.Interval);
        Assert.Null(row.Cov);
        Assert.Equal(16 / 0.25, row.Throughput!.Value, 1);
    }

    [Fact]
    public void A_slot_whose_newer_attempt_failed_shows_its_last_good_run_with_the_failure_named_beside_it()
    {
        // Arrange: run 1 measured and kept as the last good (as Parse keeps it), then its next attempt fails at Setup;
        // run 2 measured.
        var first = Run(1, 0.25);
        var measured = RunRecords.Read(first).Record!;
        RunRecords.Write(first, measured with { Key = new Comparability("101..500", 16, "page", "surround0123456789", 8, "batch=2") });
        LastGood.Keep(Path.GetDirectoryName(first)!);
        RunRecords.Write(
            first,
            RunRecordOf.Make(new RunKey("detectron2"), "failed", "Setup", "no python at /usr/bin/python9", "build.log")
        );
        var second = Run(2, 0.25);

        // Act
        var row = Aggregator.FromRecords([catalog.Get("detectron2")], _ => [first, second], r => 16).Single();

        // Assert
        Assert.Equal([16 / 0.25, 16 / 0.25], row.Runs.Select(r => r.Throughput!.Value));
        Assert.Equal(
            "run 1: the newer attempt failed at Setup: no python at /usr/bin/python9; its figure is the last good run's, parsed 1970-01-01 00:00 UTC (window 101..500, 16 img/iteration, page stack, environment surround0123, 8 GPUs, settings batch=2)",
            row.Note
        );
        Snapshot.Match("benchmark-last-good", BenchmarkTable.Markdown([row]).Replace(folder, "TMP"), "md");
    }

    [Theory]
    [InlineData(false, "clean")]
    [InlineData(true, "thermal")]
    public void A_run_is_judged_by_the_GPUs_during_its_window_only(bool thermalInside, string expected)
    {
        // Arrange: one run, telemetry once a second; a thermal slowdown after the window (during the last
        // iterations), and in one case also inside it
        var record = Run(1, 0.25);
        var run = Path.GetDirectoryName(record)!;
        var window = RunRecords.Read(record).Record!.Result!.WindowSeconds!;
        var end = new RunFolder(run).ReadTimes()![^1];
        var rows = new List<string> { TelemetryFile.Header };
        for (var second = 0.0; second <= end + 1; second += 1)
        {
            var hot = second > window[1] + 1 || (thermalInside && Math.Abs(second - (window[0] + window[1]) / 2) < 1);
            rows.Add(
                TelemetryFile.Row(
                    new GpuSample(
                        second,
                        second,
                        0,
                        "GPU-0",
                        hot ? 1100 : 1530,
                        1530,
                        250,
                        300,
                        hot ? 90 : 60,
                        100,
                        hot ? ClockEventReasons.SwThermalSlowdown : ClockEventReasons.None
                    )
                )
            );
        }
        File.WriteAllText(Path.Combine(run, RunFiles.Telemetry), string.Join("\n", rows) + "\n");
        // Parse judges the verdict once and keeps it in the record: as ParseStage does, with Train's manifest naming the GPU.
        Telemetry.ManifestStandIn.Write(run, gpus: 1, null);
        var parsed = RunRecords.Read(record).Record!;
        RunRecords.Write(record, parsed with { Gpu = GpuJudgement.Of(run, parsed.Result!) });

        // Act
        var row = Aggregator.FromRecords([catalog.Get("detectron2")], _ => [record], r => 16).Single();

        // Assert
        Assert.True(window[1] < end - 5, $"the window ends at {window[1]} s, the run at {end} s");
        Assert.Equal(expected, row.Runs.Single().Gpu);
        Assert.Equal(thermalInside ? ThroughputResult.Suspect : ThroughputResult.Ok, row.Status);
    }
}
