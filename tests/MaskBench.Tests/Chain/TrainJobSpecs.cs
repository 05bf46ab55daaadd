using MaskBench.Model.Logs;
using MaskBench.Stages;

namespace MaskBench.Tests.Chain;

[Trait(Needs.Trait, Needs.Processes)]
public sealed class TrainJobSpecs
{
    [Fact]
    public void A_training_job_travels_to_another_machine_as_a_file_and_comes_back_the_same()
    {
        // Arrange
        using var bench = new ChainBench();
        var settings = bench.Settings(new Window(100, 500)) with
        {
            SettingOverrides = new Dictionary<string, string> { ["batch"] = "8" },
            Provider = Provider.Podman,
        };
        var job = new TrainJob(bench.Workspace, settings, new RunKey("fake", 3));
        var path = Path.Combine(bench.Root, "job.json");

        // Act
        job.Write(path);
        var read = TrainJob.Read(path);

        // Assert
        Assert.Equal(job.Workspace, read.Workspace);
        Assert.Equal(job.Run, read.Run);
        Assert.Equal(new Window(100, 500), read.Settings.Window);
        Assert.Equal(Provider.Podman, read.Settings.Provider);
        Assert.Equal("8", read.Settings.SettingOverrides["batch"]);
        Assert.Contains("\"provider\": \"podman\"", File.ReadAllText(path));
    }

    [Fact]
    public void A_file_that_is_not_a_job_is_refused_in_one_line()
    {
        // Arrange
        using var bench = new ChainBench();
        var path = Path.Combine(bench.Root, "job.json");
        File.WriteAllText(path, "{}");

        // Act
        var error = Assert.Throws<ChainException>(() => TrainJob.Read(path));

        // Assert
        Assert.Contains(path, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }
}
