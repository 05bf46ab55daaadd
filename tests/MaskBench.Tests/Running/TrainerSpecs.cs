using System.Text;
using MaskBench.Model.Logs;
using MaskBench.Stages.Train;

namespace MaskBench.Tests.Running;

[Trait(Needs.Trait, Needs.Processes)]
[Collection(Heavy.Processes)]
public class TrainerSpecs
{
    static readonly string[] Slow = ["--format", "plain", "--time", "0.02", "--sleep-scale", "1", "--iterations", "100000"];

    [Fact(Timeout = 60_000)]
    public async Task A_watched_training_is_stopped_right_after_the_window()
    {
        // Arrange
        using var fake = new FakeTraining();

        // Act
        var outcome = await Trainer.TrainAsync(fake.Request([.. Slow, "--output", fake.Output]));

        // Assert
        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.Equal("window", outcome.StopReason);
        // The fake sleeps 20 ms an iteration: within the allowed stop delay (2 s, plus slack) it cannot pass 40 + 2.5 s / 20 ms.
        Assert.InRange(outcome.LastIteration ?? 0, 40, 40 + (int)(2.5 / 0.02));
        Assert.InRange(outcome.StopDelay!.Value.TotalSeconds, 0, 2);
        Assert.Equal(Path.Combine(fake.Runs, "fake"), outcome.RunDirectory);
        Assert.False(Directory.Exists(Path.Combine(fake.Runs, "fake.partial")));
        var pid = int.Parse(File.ReadAllText(Path.Combine(fake.Output, "fake_trainer.pid")));
        Assert.False(ProcessTable.IsAlive(pid));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_window_off_the_logs_period_stops_the_training_two_lines_past_its_end_and_names_the_fix()
    {
        // Arrange: maskrcnn-benchmark's log has a line every 20 iterations; the window ends at 50, the schedule at 100000
        using var fake = new FakeTraining();
        var window = new Window(20, 50);
        string[] options = ["--format", "maskrcnn-benchmark", "--time", "0.002", "--sleep-scale", "1", "--iterations", "100000"];

        // Act
        var outcome = await Trainer.TrainAsync(
            fake.Request(
                [.. options, "--output", fake.Output],
                window: window,
                watcher: LogFormats.Get("maskrcnn-benchmark").Watch(window, 16)
            )
        );

        // Assert
        Assert.False(outcome.Succeeded);
        Assert.Equal("unmeasurable", outcome.FailureKind);
        Assert.Contains("the window 21..50 cannot be measured from this log", outcome.Message);
        Assert.Contains("give a --window-skip and a --window-end among them", outcome.Message);
        Assert.InRange(outcome.LastIteration ?? 0, 80, 2000);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_child_that_ignores_the_interrupt_is_killed_with_its_whole_tree()
    {
        // Arrange
        using var fake = new FakeTraining();

        // Act
        var outcome = await Trainer.TrainAsync(
            fake.Request([.. Slow, "--output", fake.Output, "--spawn-children", "2", "--ignore-sigint"])
        );

        // Assert
        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.Equal(2, fake.ChildPids().Count);
        Assert.All(fake.ChildPids(), pid => Assert.False(ProcessTable.IsAlive(pid), $"child {pid} survived"));
        Assert.InRange(outcome.StopDelay!.Value.TotalSeconds, 0.9, 5);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_capped_training_that_exits_by_itself_succeeds_with_its_exit_code()
    {
        // Arrange
        using var fake = new FakeTraining();

        // Act
        var outcome = await Trainer.TrainAsync(fake.Request(["--format", "plain", "--time", "0.001", "--iterations", "40"], mode: "cap"));

        // Assert
        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.Equal(0, outcome.ExitCode);
        Assert.Null(outcome.StopReason);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_hung_training_fails_after_the_timeout_and_leaves_no_process()
    {
        // Arrange
        using var fake = new FakeTraining();

        // Act
        var outcome = await Trainer.TrainAsync(
            fake.Request([.. Slow, "--output", fake.Output, "--hang-at", "5", "--ignore-sigint"], timeout: TimeSpan.FromSeconds(2))
        );

        // Assert
        Assert.False(outcome.Succeeded);
        Assert.Equal("timeout", outcome.FailureKind);
        Assert.Contains("iteration 4", outcome.Message);
        Assert.False(ProcessTable.IsAlive(int.Parse(File.ReadAllText(Path.Combine(fake.Output, "fake_trainer.pid")))));
    }

    [Theory(Timeout = 60_000)]
    [InlineData("--oom-at", "oom", "CUDA out of memory")]
    [InlineData("--nan-at", "nan", "loss nan")]
    [InlineData("--crash-at", "crash", "simulated crash")]
    public async Task A_failing_training_names_the_matched_error_and_shows_the_last_lines(string option, string kind, string line)
    {
        // Arrange
        using var fake = new FakeTraining();

        // Act
        var outcome = await Trainer.TrainAsync(fake.Request([.. Slow, option, "20"]));

        // Assert
        Assert.False(outcome.Succeeded);
        Assert.Equal(kind, outcome.FailureKind);
        Assert.Contains(line, outcome.Failure!.Line);
        Assert.Contains(line, string.Join("\n", outcome.LastLines));
        Assert.Contains(outcome.LastLines[^1], outcome.Message);
        Assert.Contains(Path.Combine(fake.Runs, "fake", "train.log"), outcome.Message);
    }

    [Fact(Timeout = 60_000)]
    public async Task Missing_data_and_a_missing_module_are_named_as_such()
    {
        // Arrange
        using var fake = new FakeTraining();

        // Act
        var data = await Trainer.TrainAsync(fake.Request(["--format", "plain", "--missing-data"]));
        var import = await Trainer.TrainAsync(fake.Request([], command: [FakeTraining.Python, "-c", "import maskbench_no_such_module"]));

        // Assert
        Assert.Equal("data", data.FailureKind);
        Assert.Contains("instances_train2017.json", data.Failure!.Line);
        Assert.Equal("import", import.FailureKind);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_failed_run_replaces_the_older_run_whole_so_no_older_log_looks_current()
    {
        // Arrange
        using var fake = new FakeTraining();
        var done = await Trainer.TrainAsync(fake.Request(["--format", "plain", "--time", "0.001", "--iterations", "40"], mode: "cap"));

        // Act
        var failed = await Trainer.TrainAsync(fake.Request(["--format", "plain", "--time", "0.001", "--iterations", "30"], mode: "cap"));

        // Assert
        Assert.True(done.Succeeded, done.Message);
        Assert.Equal("incomplete", failed.FailureKind);
        Assert.Equal(Path.Combine(fake.Runs, "fake"), failed.RunDirectory);
        Assert.Equal(new[] { "fake" }, Directory.GetDirectories(fake.Runs).Select(Path.GetFileName));
        var log = File.ReadAllText(Path.Combine(fake.Runs, "fake", "train.log"));
        Assert.Contains("iter 30 time", log);
        Assert.DoesNotContain("iter 40 time", log);
    }

    [Fact(Timeout = 60_000)]
    public async Task The_log_keeps_every_byte_and_the_arrival_time_of_every_line()
    {
        // Arrange
        using var fake = new FakeTraining();
        string[] options =
        [
            "--format",
            "detectron2",
            "--iterations",
            "520",
            "--time",
            "0.0001",
            "--noise",
            "--ansi",
            "--output",
            fake.Output,
        ];
        var directOut = await File.ReadAllBytesAsync(await Capture(options, fake.Root + "/direct"));

        // Act
        var outcome = await Trainer.TrainAsync(
            fake.Request(options, mode: "cap", window: Window.Page, watcher: LogFormats.Get("detectron2").Watch(Window.Page, 16))
        );

        // Assert
        Assert.True(outcome.Succeeded, outcome.Message);
        var log = await File.ReadAllBytesAsync(Path.Combine(outcome.RunDirectory, "train.log"));
        var rows = File.ReadAllLines(Path.Combine(outcome.RunDirectory, "train.times.tsv"));
        var lines = SplitKeepingEnds(log);
        Assert.Equal(lines.Count, rows.Length);
        var stdout = lines.Where((_, i) => rows[i].EndsWith("\tstdout")).SelectMany(l => l).ToArray();
        Assert.Equal(directOut, stdout);
        Assert.Contains(rows, r => r.EndsWith("\tstderr"));
        var seconds = rows.Select(r => double.Parse(r.Split('\t')[0], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(seconds.Order(), seconds);
    }

    /// <summary>The same fake training run directly, its stdout kept in a file.</summary>
    static async Task<string> Capture(string[] options, string output)
    {
        var file = output + ".stdout";
        await using var target = File.Create(file);
        var errors = new StringBuilder();
        var result = await CliWrap
            .Cli.Wrap(FakeTraining.Python)
            .WithArguments([FakeTraining.Script, .. options, "--output", output])
            .WithStandardOutputPipe(CliWrap.PipeTarget.ToStream(target))
            .WithStandardErrorPipe(CliWrap.PipeTarget.ToStringBuilder(errors))
            .WithValidation(CliWrap.CommandResultValidation.None)
            .ExecuteAsync();
        Assert.True(result.ExitCode == 0, errors.ToString());
        return file;
    }

    static List<byte[]> SplitKeepingEnds(byte[] bytes)
    {
        var lines = new List<byte[]>();
        var start = 0;
        for (var i = 0; i < bytes.Length; i++)
            if (bytes[i] == '\n')
            {
                lines.Add(bytes[start..(i + 1)]);
                start = i + 1;
            }
        if (start < bytes.Length)
            lines.Add(bytes[start..]);
        return lines;
    }

    [Fact(Timeout = 60_000)]
    public async Task Cancelling_a_training_stops_its_tree()
    {
        // Arrange
        using var fake = new FakeTraining();
        using var cancel = new CancellationTokenSource();
        var pids = Path.Combine(fake.Output, "children.pids");
        var cancelOnceChildrenRun = Task.Run(async () =>
        {
            while (!File.Exists(pids))
                await Task.Delay(50);
            cancel.Cancel();
        });

        // Act
        var outcome = await Trainer.TrainAsync(
            fake.Request([.. Slow, "--output", fake.Output, "--spawn-children", "1"], window: new Window(10, 100_000)),
            cancel.Token
        );
        await cancelOnceChildrenRun;

        // Assert
        Assert.Equal("cancelled", outcome.FailureKind);
        Assert.NotEmpty(fake.ChildPids());
        Assert.All(fake.ChildPids(), pid => Assert.False(ProcessTable.IsAlive(pid)));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_program_that_is_not_installed_fails_with_one_clear_message()
    {
        // Arrange
        using var fake = new FakeTraining();

        // Act
        var outcome = await Trainer.TrainAsync(fake.Request([], command: ["maskbench-no-such-program", "--help"]));

        // Assert
        Assert.Equal("start", outcome.FailureKind);
        Assert.Contains("maskbench-no-such-program", outcome.Message);
    }
}
