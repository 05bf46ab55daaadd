using MaskBench.History;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;

namespace MaskBench.Tests.History;

public sealed class HistoryIndexSpecs : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("maskbench-index-").FullName;

    string Database => Path.Combine(folder, "index", "history.db");

    HistoryStore Store() => new(Path.Combine(folder, "history"));

    [Fact]
    public void Runs_of_an_implementation_come_in_commit_date_order()
    {
        // Arrange: recorded newest commit first.
        var store = Store();
        for (var day = 5; day >= 1; day--)
            store.Append(Runs.Of("detectron2", $"{day:x}".PadRight(40, '0'), Runs.Day(day), 60 + day, run: 1));
        store.Append(Runs.Of("mmdetection", new string('e', 40), Runs.Day(3), 50, run: 1));

        // Act
        using var index = HistoryIndex.Rebuild(store, Database);
        var runs = index.Runs(Runs.Machine, "detectron2");

        // Assert
        Assert.Equal([61.0, 62, 63, 64, 65], runs.Select(r => r.Throughput!.Value));
        Assert.Equal(Runs.Day(1), runs[0].CommitDate);
    }

    [Fact]
    public void The_rolling_baseline_is_the_latest_runs_before_a_commit_and_never_its_own()
    {
        // Arrange: commits on days 1..6, two runs each, one failed run on day 5.
        var store = Store();
        for (var day = 1; day <= 6; day++)
        for (var run = 1; run <= 2; run++)
            store.Append(
                Runs.Of(
                    "d2",
                    $"{day:x}".PadRight(40, '0'),
                    Runs.Day(day),
                    day * 10 + run,
                    run,
                    status: day == 5 && run == 2 ? "failed" : "ok"
                )
            );

        // Act
        using var index = HistoryIndex.Rebuild(store, Database);
        var (baseline, _) = Pooling.Latest(null, index.MeasuredBefore(Runs.Machine, "d2", "6".PadRight(40, '0'), Runs.Day(6)), count: 4);

        // Assert
        Assert.Equal([32.0, 41, 42, 51], baseline.Select(r => r.Throughput!.Value));
    }

    [Fact]
    public void The_index_is_rebuilt_from_the_files_and_is_never_the_only_copy()
    {
        // Arrange
        var store = Store();
        store.Append(Runs.Of("d2", new string('1', 40), Runs.Day(1), 60, run: 1));
        HistoryIndex.Rebuild(store, Database).Dispose();
        store.Append(Runs.Of("d2", new string('2', 40), Runs.Day(2), 61, run: 1));
        File.WriteAllText(Database, "not a database");

        // Act
        using var index = HistoryIndex.Rebuild(store, Database);

        // Assert
        Assert.Equal(2, index.Runs(Runs.Machine, "d2").Count);
        Assert.Equal([Runs.Machine], index.MachineKeys());
    }

    [Fact]
    public void A_run_s_comparability_key_and_GPU_verdict_survive_the_history_and_an_older_unkeyed_file_is_read_and_named_once()
    {
        // Arrange: a keyed thermal run, and a file as MaskBench wrote it before keys (schema 1, no key member).
        var store = Store();
        var keyed = Runs.Of("d2", new string('1', 40), Runs.Day(1), 60, run: 1, key: Runs.Key(), gpu: "thermal");
        store.Append(keyed);
        var older = JObject.FromObject(
            Runs.Of("d2", new string('2', 40), Runs.Day(2), 61, run: 1, gpu: "unknown"),
            JsonSerializer.Create(new JsonSerializerSettings { ContractResolver = new CamelCasePropertyNamesContractResolver() })
        );
        older["schema"] = 1;
        older.Remove("key");
        var olderFile = Path.Combine(store.Folder, Runs.Machine, "d2", "older-run.json");
        Directory.CreateDirectory(Path.GetDirectoryName(olderFile)!);
        File.WriteAllText(olderFile, older.ToString());

        // Act
        using var index = HistoryIndex.Rebuild(store, Database);
        var runs = index.Runs(Runs.Machine, "d2");

        // Assert
        Assert.Equal(2, runs.Count);
        Assert.Equal((Runs.Key(), "thermal", false), (runs[0].Key, runs[0].Gpu, runs[0].Poolable));
        Assert.Equal((1, null, true), (runs[1].Schema, runs[1].Key, runs[1].Poolable));
        Assert.Equal(
            "1 run of the history was recorded by an older MaskBench (schema 1) without a comparability key or GPU verdict: kept apart from keyed runs, pooled only with each other",
            index.UnkeyedNote
        );
        Assert.Empty(index.Unreadable);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
