using Newtonsoft.Json.Linq;

namespace MaskBench.Tests.BuildScript;

[Trait(Needs.Trait, Needs.Processes)]
public class AggregateFromLogsSpecs
{
    [Fact(Timeout = 120_000)]
    public async Task A_user_with_logs_from_a_cluster_gets_the_table_without_rerunning_anything()
    {
        // Arrange: a Detectron2 log of 520 iterations at 0.25 s each (16 images), in DIR/detectron2/train.log
        using var build = new BuildScript();
        var logs = Path.Combine(build.Work, "logs");
        Directory.CreateDirectory(Path.Combine(logs, "detectron2"));
        var trainer = await FakeTrainer.RunAsync("detectron2", "--iterations", "520", "--time", "0.25", "--jitter", "0.2");
        await File.WriteAllTextAsync(Path.Combine(logs, "detectron2", "train.log"), trainer.StandardOutput);

        // Act
        var result = await build.Run("Aggregate", "--from", logs);

        // Assert
        Assert.Equal(0, result.ExitCode);
        Assert.False(File.Exists(Path.Combine(build.ArtifactsDir, "benchmark.json"))); // a measured table is never replaced
        var rows = JObject.Parse(await File.ReadAllTextAsync(Path.Combine(build.ArtifactsDir, "from-logs", "benchmark.json")))["rows"]!;
        var detectron2 = rows.Single(r => (string?)r["implementation"] == "detectron2");
        Assert.Equal("ok", (string?)detectron2["status"]);
        Assert.Equal(16 * 400 / FakeTrainer.SeriesSum(101, 500, 0.25, 0.2), (double)detectron2["throughput"]!, 0.05);
        Assert.Equal("missing", (string?)rows.Single(r => (string?)r["implementation"] == "mmdetection")["status"]);
        Assert.StartsWith("read from the logs in ", (string?)detectron2["provenance"]);
        Assert.Equal([Path.Combine(logs, "detectron2", "train.log")], Directory.GetFiles(Path.Combine(logs, "detectron2")));
    }
}
