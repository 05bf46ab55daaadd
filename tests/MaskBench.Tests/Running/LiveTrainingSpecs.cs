using System.Diagnostics;
using MaskBench.Stages.Train;

namespace MaskBench.Tests.Running;

[Trait(Needs.Trait, Needs.Processes)]
[Collection(Heavy.Processes)]
public class LiveTrainingSpecs
{
    static readonly string[] Quick = ["--format", "plain", "--time", "0.001"];

    /// <summary>A tree as a build killed by SIGKILL leaves it: a silent, hanging trainer with two children and a
    /// daemon, in a session of its own, marked, its journal entry naming a build that is gone.</summary>
    static async Task<(LiveTraining Entry, IReadOnlyList<int> Pids)> LeftBehindAsync(FakeTraining fake, string journal)
    {
        var output = Directory.CreateDirectory(Path.Combine(fake.Root, "left")).FullName;
        var mark = ProcessMark.New("fake");
        var start = new ProcessStartInfo("setsid")
        {
            ArgumentList =
            {
                FakeTraining.Python,
                FakeTraining.Script,
                "--format",
                "plain",
                "--hang-at",
                "1",
                "--quiet",
                "--ignore-sigint",
                "--spawn-children",
                "2",
                "--spawn-daemon",
                "--output",
                output,
            },
            Environment = { [ProcessMark.Variable] = mark },
        };
        using var trainer = Process.Start(start)!;
        var clock = Stopwatch.StartNew();
        while (!(File.Exists(Path.Combine(output, "children.pids")) && File.Exists(Path.Combine(output, "daemon.pid"))))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), "the left-behind tree did not start");
            await Task.Delay(50);
        }
        using var gone = Process.Start("true")!;
        await gone.WaitForExitAsync();
        var entry = new LiveTraining(
            "fake",
            mark,
            trainer.Id,
            null,
            null,
            new Dictionary<string, string>(),
            "fake_trainer.py --hang-at 1",
            gone.Id,
            0,
            DateTimeOffset.UtcNow
        );
        LiveTrainings.Record(journal, entry);
        var pids = File.ReadAllLines(Path.Combine(output, "children.pids"))
            .Append(File.ReadAllText(Path.Combine(output, "daemon.pid")))
            .Select(int.Parse)
            .Append(trainer.Id)
            .ToList();
        return (entry, pids);
    }

    [Fact(Timeout = 90_000)]
    public async Task A_training_left_running_by_a_killed_build_is_stopped_before_the_next_training_starts()
    {
        // Arrange
        using var fake = new FakeTraining();
        var journal = Path.Combine(fake.Root, "work", "live", "fake.json");
        var (_, left) = await LeftBehindAsync(fake, journal);
        Assert.All(left, pid => Assert.True(ProcessTable.IsAlive(pid)));

        // Act
        var outcome = await Trainer.TrainAsync(fake.Request(Quick) with { LiveJournal = journal });

        // Assert
        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.All(left, pid => Assert.False(ProcessTable.IsAlive(pid), $"process {pid} of the earlier training survived"));
        Assert.False(File.Exists(journal), "the journal entry of a finished training stays");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_journal_entry_of_a_build_still_running_is_left_alone()
    {
        // Arrange
        using var fake = new FakeTraining();
        var journal = Path.Combine(fake.Root, "live", "sibling.json");
        var (entry, left) = await LeftBehindAsync(fake, journal);
        LiveTrainings.Record(
            journal,
            entry with
            {
                Owner = Environment.ProcessId,
                OwnerStart = ProcessTable.Read(Environment.ProcessId)!.StartTicks,
            }
        );

        // Act
        var stopped = await LiveTrainings.StopLeftoversAsync(Path.GetDirectoryName(journal)!, TimeSpan.FromMilliseconds(200));

        // Assert
        Assert.Empty(stopped);
        Assert.All(left, pid => Assert.True(ProcessTable.IsAlive(pid)));
        LiveTrainings.Record(journal, entry);
        Assert.Equal(["fake"], await LiveTrainings.StopLeftoversAsync(Path.GetDirectoryName(journal)!, TimeSpan.FromMilliseconds(200)));
        Assert.All(left, pid => Assert.False(ProcessTable.IsAlive(pid)));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_daemon_the_trainer_leaves_behind_is_found_by_its_mark_and_stopped()
    {
        // Arrange
        using var fake = new FakeTraining();

        // Act
        var outcome = await Trainer.TrainAsync(fake.Request([.. Quick, "--output", fake.Output, "--spawn-daemon"], mode: "cap"));

        // Assert
        Assert.True(outcome.Succeeded, outcome.Message);
        var daemon = int.Parse(File.ReadAllText(Path.Combine(fake.Output, "daemon.pid")));
        Assert.False(ProcessTable.IsAlive(daemon), $"the daemon {daemon} survived the run");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_daemon_the_trainer_leaves_without_its_environment_is_still_stopped_with_the_run()
    {
        // Arrange: setsid, a double fork, then an exec with an environment of PATH alone: no mark to find it by
        using var fake = new FakeTraining();

        // Act
        var outcome = await Trainer.TrainAsync(fake.Request([.. Quick, "--output", fake.Output, "--spawn-bare-daemon"], mode: "cap"));

        // Assert
        Assert.True(outcome.Succeeded, outcome.Message);
        var daemon = int.Parse(File.ReadAllText(Path.Combine(fake.Output, "daemon.pid")));
        Assert.False(ProcessTable.IsAlive(daemon), $"the daemon {daemon} ({ProcessTable.CommandLine(daemon)}) survived the run");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_daemon_without_the_mark_that_a_killed_build_left_is_found_in_its_cgroup_by_the_next_build()
    {
        // Arrange: a trainer in a cgroup of its own leaves a daemon with an environment of PATH alone; its build is gone
        using var fake = new FakeTraining();
        var cgroup = TreeCgroup.Make("fake");
        Assert.NotNull(cgroup); // the suite runs as root, where cgroup2 is writable
        var start = new ProcessStartInfo(cgroup.Join[0]);
        foreach (var argument in cgroup.Join.Skip(1))
            start.ArgumentList.Add(argument);
        foreach (var argument in new[] { FakeTraining.Python, FakeTraining.Script, "--format", "plain", "--hang-at", "1", "--quiet" })
            start.ArgumentList.Add(argument);
        foreach (var argument in new[] { "--output", fake.Output, "--spawn-bare-daemon" })
            start.ArgumentList.Add(argument);
        using var trainer = Process.Start(start)!;
        var pidFile = Path.Combine(fake.Output, "daemon.pid");
        var clock = Stopwatch.StartNew();
        while (!File.Exists(pidFile) || File.ReadAllText(pidFile).Length == 0)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), "the daemon did not start");
            await Task.Delay(50);
        }
        var daemon = int.Parse(File.ReadAllText(pidFile));
        using var gone = Process.Start("true")!;
        await gone.WaitForExitAsync();
        var journal = Path.Combine(fake.Root, "live", "fake.json");
        LiveTrainings.Record(
            journal,
            new LiveTraining(
                "fake",
                ProcessMark.New("fake"),
                trainer.Id,
                null,
                null,
                new Dictionary<string, string>(),
                "fake_trainer.py --spawn-bare-daemon",
                gone.Id,
                0,
                DateTimeOffset.UtcNow
            )
            {
                Cgroup = cgroup.Folder,
            }
        );

        try
        {
            // Act
            var stopped = await LiveTrainings.StopLeftoversAsync(Path.GetDirectoryName(journal)!, TimeSpan.FromMilliseconds(200));

            // Assert
            Assert.Equal(["fake"], stopped);
            Assert.False(ProcessTable.IsAlive(daemon), $"the daemon {daemon} ({ProcessTable.CommandLine(daemon)}) survived");
            Assert.False(ProcessTable.IsAlive(trainer.Id), "the trainer survived");
        }
        finally
        {
            foreach (var pid in new[] { daemon, trainer.Id }.Where(ProcessTable.IsAlive))
                ProcessTable.Signal(pid, ProcessTable.SigKill); // a failed spec leaves nothing running
            cgroup.Remove();
        }
    }

    [Fact(Timeout = 60_000)]
    public async Task An_older_output_folder_in_use_is_kept_and_an_unused_one_removed()
    {
        // Arrange
        using var fake = new FakeTraining();
        var root = Path.Combine(fake.Root, "work");
        var unused = Directory.CreateDirectory(Path.Combine(root, "fake", "20000101T000000.000Z")).FullName;
        using var user = Process.Start(new ProcessStartInfo("sleep", "30") { WorkingDirectory = fake.Output })!;

        // Act
        var fresh = OutputFolders.Fresh(root, "fake");
        user.Kill();

        // Assert
        Assert.True(Directory.Exists(fake.Output), "a folder a live process works in was deleted");
        Assert.False(Directory.Exists(unused));
        Assert.True(Directory.Exists(fresh));
    }
}
