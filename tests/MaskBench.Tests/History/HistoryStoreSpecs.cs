using MaskBench.History;

namespace MaskBench.Tests.History;

public sealed class HistoryStoreSpecs : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("maskbench-store-").FullName;

    [Fact]
    public void A_user_can_append_runs_from_two_machines_and_read_them_all_back()
    {
        // Arrange
        var store = new HistoryStore(folder);
        var commit = new string('a', 40);
        var here = Runs.Of("detectron2", commit, Runs.Day(1), 61.2, run: 1);
        var there = Runs.Of("detectron2", commit, Runs.Day(1), 40.5, run: 1, machine: "1xA100-SXM4-40GB-drv550");

        // Act
        var paths = new[] { store.Append(here), store.Append(there) };
        var read = store.ReadAll();

        // Assert
        Assert.Equal(2, paths.Distinct().Count());
        Assert.Equal(Path.Combine(folder, Runs.Machine, "detectron2", "20260102T140000000Z-aaaaaaaaaaaa-r1.json"), paths[0]);
        Assert.Equal([there, here], read.Records.OrderBy(r => r.Throughput));
        Assert.Empty(read.Unreadable);
    }

    [Fact]
    public void A_record_is_never_rewritten()
    {
        // Arrange
        var store = new HistoryStore(folder);
        var record = Runs.Of("mmdetection", new string('b', 40), Runs.Day(2), 55, run: 1);
        store.Append(record);

        // Act
        var error = Assert.Throws<HistoryException>(() => store.Append(record with { Throughput = 99 }));

        // Assert
        Assert.Contains("already exists (records are never rewritten)", error.Message);
        Assert.Equal(55, Assert.Single(store.ReadAll().Records).Throughput);
    }

    [Fact]
    public void A_machine_key_that_would_leave_the_history_folder_is_refused()
    {
        var store = new HistoryStore(folder);
        var error = Assert.Throws<HistoryException>(() =>
            store.Append(Runs.Of("detectron2", new string('a', 40), Runs.Day(1), 60, run: 1, machine: "../elsewhere"))
        );
        Assert.Equal(
            "the machine key '../elsewhere' cannot name a history folder: use letters, digits, '-', '_', '.' and '+' only",
            error.Message
        );
    }

    [Fact]
    public void Unreadable_files_are_skipped_and_named()
    {
        // Arrange
        var store = new HistoryStore(folder);
        store.Append(Runs.Of("detectron2", new string('c', 40), Runs.Day(3), 60, run: 1));
        Directory.CreateDirectory(Path.Combine(folder, "x"));
        File.WriteAllText(Path.Combine(folder, "x", "half.json"), "{\"schema\": 1, \"machineKey\": ");
        File.WriteAllText(Path.Combine(folder, "x", "other.json"), "{\"hello\": 1}");

        // Act
        var read = store.ReadAll();

        // Assert
        Assert.Single(read.Records);
        Assert.Equal(2, read.Unreadable.Count);
        Assert.Contains(read.Unreadable, u => u.StartsWith(Path.Combine("x", "half.json") + ": "));
        Assert.Contains(read.Unreadable, u => u.StartsWith(Path.Combine("x", "other.json") + ": not a history record"));
    }

    [Theory]
    [InlineData("\"NaN\"", "its throughput NaN is not a finite number")]
    [InlineData("1e308", "its throughput 1E+308 img/s is beyond 1E+06 img/s")]
    [InlineData("-20.0", "its throughput -20 img/s is negative")]
    public void A_record_whose_throughput_no_training_reaches_is_left_out_and_named_with_the_bound(string throughput, string why)
    {
        // Arrange
        var store = new HistoryStore(folder);
        var path = store.Append(Runs.Of("detectron2", new string('c', 40), Runs.Day(3), 60, run: 1));
        File.WriteAllText(
            path,
            System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(path), "\"throughput\": [^,]+", $"\"throughput\": {throughput}")
        );

        // Act
        var read = store.ReadAll();

        // Assert
        Assert.Empty(read.Records);
        Assert.Equal($"{Path.GetRelativePath(folder, path)}: {why}", Assert.Single(read.Unreadable).Split(", more than")[0]);
    }

    [Fact]
    public void A_history_written_by_a_newer_MaskBench_is_refused_in_one_line()
    {
        // Arrange
        var store = new HistoryStore(folder);
        var newer = Runs.Of("detectron2", new string('d', 40), Runs.Day(4), 60, run: 1) with { Schema = HistoryRecord.CurrentSchema + 1 };
        Directory.CreateDirectory(Path.Combine(folder, "m"));
        File.WriteAllText(Path.Combine(folder, "m", "r.json"), Newtonsoft.Json.JsonConvert.SerializeObject(newer));

        // Act
        var error = Assert.Throws<HistoryException>(store.ReadAll);

        // Assert
        Assert.Contains("written by a newer MaskBench", error.Message);
        Assert.Contains("update MaskBench or pass another --history", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
