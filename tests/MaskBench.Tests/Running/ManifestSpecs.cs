using MaskBench.Stages.Train;
using Newtonsoft.Json.Linq;

namespace MaskBench.Tests.Running;

[Trait(Needs.Trait, Needs.Processes)]
[Collection(Heavy.Processes)]
public class ManifestSpecs
{
    [Fact(Timeout = 60_000)]
    public async Task The_manifest_records_the_command_the_variables_the_software_and_the_times()
    {
        // Arrange
        using var fake = new FakeTraining();
        var request = fake.Request(["--format", "plain", "--time", "0.001", "--iterations", "40"], mode: "cap") with
        {
            ProbeMachine = true,
            Host = new LocalHost(new LocalHostOptions([], new Dictionary<string, string> { ["python"] = FakeTraining.Python })),
        };

        // Act
        var outcome = await Trainer.TrainAsync(request);

        // Assert
        var manifest = JObject.Parse(File.ReadAllText(Path.Combine(outcome.RunDirectory, "manifest.json")));
        Assert.True((bool)manifest["succeeded"]!);
        Assert.Equal(FakeTraining.Script, (string?)manifest["command"]![1]);
        Assert.Equal("setsid", (string?)manifest["launched"]![0]);
        Assert.Equal("1", (string?)manifest["variables"]!["PYTHONUNBUFFERED"]);
        Assert.Equal("0000000", (string?)manifest["facts"]!["commit"]);
        Assert.StartsWith("3.", (string?)manifest["versions"]!["python"]);
        Assert.True(DateTimeOffset.Parse((string)manifest["end"]!) >= DateTimeOffset.Parse((string)manifest["start"]!));
        Assert.Equal("11..40", (string?)manifest["window"]);
    }
}
