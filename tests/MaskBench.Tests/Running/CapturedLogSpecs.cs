using System.Diagnostics;
using MaskBench.Stages.Train;

namespace MaskBench.Tests.Running;

[Trait(Needs.Trait, Needs.Processes)]
[Collection(Heavy.Processes)]
public class CapturedLogSpecs
{
    static readonly string[] Quick = ["--format", "plain", "--time", "0.001"];

    [Fact(Timeout = 60_000)]
    public async Task A_precise_file_named_like_the_captured_log_never_replaces_it()
    {
        // Arrange
        using var fake = new FakeTraining();
        var request = fake.Request([.. Quick, "--output", fake.Output, "--forge-precise", "train.log"]) with { PreciseFile = "train.log" };

        // Act
        var outcome = await Trainer.TrainAsync(request);

        // Assert
        Assert.True(outcome.Succeeded, outcome.Message);
        var log = File.ReadAllText(Path.Combine(outcome.RunDirectory, "train.log"));
        Assert.Contains("iter 1 time 0.001000", log);
        Assert.DoesNotContain("time: 0.0001", log);
    }

    [Theory]
    [InlineData("../../../../../../etc/host*")]
    [InlineData("/etc/host*")]
    [InlineData("escape/host*")]
    public void A_precise_file_outside_the_output_folder_is_refused(string glob)
    {
        // Arrange
        using var fake = new FakeTraining();
        Directory.CreateSymbolicLink(Path.Combine(fake.Output, "escape"), "/etc");
        var run = Directory.CreateDirectory(Path.Combine(fake.Root, "run")).FullName;

        // Act
        var copied = PreciseFiles.CopyBeside(fake.Output, glob, run);

        // Assert
        Assert.Empty(copied);
        Assert.Empty(Directory.GetFiles(run));
    }

    [Fact]
    public void A_precise_file_inside_the_output_folder_is_copied_under_its_own_name_and_a_link_out_is_not()
    {
        // Arrange
        using var fake = new FakeTraining();
        Directory.CreateDirectory(Path.Combine(fake.Output, "logs"));
        File.WriteAllText(Path.Combine(fake.Output, "logs", "20240101.log.json"), "{}\n");
        File.CreateSymbolicLink(Path.Combine(fake.Output, "logs", "hostname.log.json"), "/etc/hostname");
        var run = Directory.CreateDirectory(Path.Combine(fake.Root, "run")).FullName;
        File.WriteAllText(Path.Combine(run, "train.log"), "captured\n");

        // Act
        var copied = PreciseFiles.CopyBeside(fake.Output, "logs/*.log.json", run);

        // Assert
        Assert.Equal([Path.Combine(run, "20240101.log.json")], copied);
        Assert.Equal("captured\n", File.ReadAllText(Path.Combine(run, "train.log")));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_FIFO_that_matches_the_precise_file_is_skipped_and_the_training_finishes()
    {
        // Arrange: the trainer's output folder holds a named pipe nobody writes to, and a regular file beside it.
        using var fake = new FakeTraining();
        using (var mkfifo = Process.Start("mkfifo", Path.Combine(fake.Output, "extra1.txt")))
            await mkfifo.WaitForExitAsync();
        File.WriteAllText(Path.Combine(fake.Output, "extra2.txt"), "precise\n");
        var request = fake.Request(Quick) with { PreciseFile = "extra*.txt" };

        // Act
        var outcome = await Trainer.TrainAsync(request);

        // Assert
        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.False(File.Exists(Path.Combine(outcome.RunDirectory, "extra1.txt")));
        Assert.Equal("precise\n", File.ReadAllText(Path.Combine(outcome.RunDirectory, "extra2.txt")));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_capped_trainer_that_hangs_after_the_window_is_stopped_after_the_short_grace()
    {
        // Arrange
        using var fake = new FakeTraining();
        var request = fake.Request([.. Quick, "--hang-at", "41"], mode: "cap");
        request = request with { Stop = request.Stop with { CapExit = TimeSpan.FromSeconds(1) } };
        var clock = Stopwatch.StartNew();

        // Act
        var outcome = await Trainer.TrainAsync(request);

        // Assert
        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.Equal("window", outcome.StopReason);
        Assert.InRange(clock.Elapsed.TotalSeconds, 1, 20);
        Assert.Equal(TimeSpan.FromSeconds(30), StopPolicy.For("cap").CapExit);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_line_of_many_megabytes_is_kept_byte_for_byte_while_the_watcher_sees_its_head()
    {
        // Arrange: one 8 MiB line between two iteration lines.
        using var fake = new FakeTraining();
        const string script =
            "import sys; w = sys.stdout.write; w('iter 1 time 0.001\\n'); w('x' * (8 * 1024 * 1024) + '\\n'); "
            + "[w('iter %d time 0.001\\n' % i) for i in range(2, 41)]; sys.stdout.flush()";
        var request = fake.Request([], command: [FakeTraining.Python, "-c", script], mode: "cap") with { EchoLines = false };

        // Act
        var outcome = await Trainer.TrainAsync(request);

        // Assert
        Assert.True(outcome.Succeeded, outcome.Message);
        var lines = File.ReadAllLines(Path.Combine(outcome.RunDirectory, "train.log"));
        Assert.Equal(41, lines.Length);
        Assert.Equal(8 * 1024 * 1024, lines[1].Length);
        Assert.Equal(41, File.ReadAllLines(Path.Combine(outcome.RunDirectory, "train.times.tsv")).Length);
        Assert.All(outcome.LastLines, l => Assert.True(l.Length <= LineRecorder.TextLimit));
        Assert.Empty(Directory.GetFiles(outcome.RunDirectory, ".*"));
    }

    [Fact(Timeout = 120_000)]
    public async Task A_flood_of_lines_is_kept_whole_and_in_order()
    {
        // Arrange
        using var fake = new FakeTraining();
        const string script =
            "import sys; w = sys.stdout.write; [w('iter %d time 0.001\\n' % i) for i in range(1, 41)]; "
            + "[w('noise %d\\n' % i) for i in range(200000)]";
        var request = fake.Request([], command: [FakeTraining.Python, "-c", script], mode: "cap");

        // Act
        var outcome = await Trainer.TrainAsync(request);

        // Assert
        Assert.True(outcome.Succeeded, outcome.Message);
        var lines = File.ReadAllLines(Path.Combine(outcome.RunDirectory, "train.log"));
        Assert.Equal(200_040, lines.Length);
        Assert.Equal("noise 199999", lines[^1]);
        Assert.Equal(200_040, File.ReadAllLines(Path.Combine(outcome.RunDirectory, "train.times.tsv")).Length);
    }
}
