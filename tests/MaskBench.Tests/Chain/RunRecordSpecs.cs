using MaskBench.Model.Records;
using MaskBench.Stages.Train;
using MaskBench.Tests.Running;

namespace MaskBench.Tests.Chain;

[Trait(Needs.Trait, Needs.Processes)]
[Collection(Heavy.Processes)]
public sealed class RunRecordSpecs
{
    [Fact(Timeout = 60_000)]
    public async Task A_crash_between_the_log_and_the_record_leaves_the_older_run_whole()
    {
        // Arrange: a successful run with its record, then a second run that dies just before its record is written
        using var fake = new FakeTraining();
        var run = Path.Combine(fake.Runs, "fake");
        var first = fake.Request(["--format", "plain", "--time", "0.001", "--iterations", "40"], mode: "cap") with { };
        await Trainer.TrainAsync(
            first with
            {
                BeforePublish = (folder, ok, _) => File.WriteAllText(Path.Combine(folder, "record.json"), "first"),
            }
        );
        var second = fake.Request(["--format", "plain", "--time", "0.001", "--iterations", "40"], mode: "cap") with
        {
            BeforePublish = (_, _, _) => throw new IOException("the machine died here"),
        };

        // Act
        await Assert.ThrowsAsync<IOException>(() => Trainer.TrainAsync(second));

        // Assert: the published run is still the first one, whole: its log and its record
        Assert.Equal("first", File.ReadAllText(Path.Combine(run, "record.json")));
        Assert.Contains("iter 40 time", File.ReadAllText(Path.Combine(run, "train.log")));
    }

    [Fact]
    public void A_record_of_another_shape_reads_as_absent_with_the_reason()
    {
        // Arrange
        var folder = Directory.CreateTempSubdirectory("maskbench-record-").FullName;
        var path = Path.Combine(folder, "record.json");
        var cases = new[] { "{}", "[]", "not json", """{"version": 1, "status": "ok"}""", """{"version": 3}""" };

        // Act
        var problems = cases
            .Select(text =>
            {
                File.WriteAllText(path, text);
                return RunRecords.Read(path);
            })
            .ToList();

        // Assert
        Assert.All(problems, p => Assert.Null(p.Record));
        Assert.All(problems, p => Assert.Contains("record.json", p.Problem));
        Directory.Delete(folder, true);
    }
}
