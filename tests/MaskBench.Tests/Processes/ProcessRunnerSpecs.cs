using System.Diagnostics;
using MaskBench.Tests.Running;
using MaskBench.Tools.Containers;

namespace MaskBench.Tests.Processes;

[Trait(Needs.Trait, Needs.Processes)]
[Collection(Heavy.Processes)]
public class ProcessRunnerSpecs
{
    static readonly string[] Hanging = [FakeTraining.Script, "--format", "plain", "--time", "0.001", "--hang-at", "3"];

    [Fact(Timeout = 60_000)]
    public async Task A_command_past_its_timeout_is_stopped_with_its_whole_tree_and_says_so_in_one_line()
    {
        // Arrange
        using var fake = new FakeTraining();
        var spec = ProcessSpec.Of(
            fake.Root,
            [FakeTraining.Python, .. Hanging, "--output", fake.Output, "--spawn-children", "2", "--ignore-sigint"]
        );
        var options = new ProcessOptions
        {
            What = "a hanging step",
            Timeout = TimeSpan.FromSeconds(2),
            Grace = TimeSpan.FromMilliseconds(300),
        };

        // Act
        var result = await ProcessRunner.RunAsync(spec, options);

        // Assert
        Assert.Equal(ProcessEnd.TimedOut, result.End);
        Assert.StartsWith("a hanging step: python3 did not finish within 00:00:02 and was stopped: ", result.Message);
        Assert.DoesNotContain('\n', result.Message);
        Assert.All(fake.ChildPids(), pid => Assert.False(ProcessTable.IsAlive(pid), $"child {pid} survived"));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_program_that_is_not_installed_is_named_with_the_fix()
    {
        // Act
        var result = await ProcessRunner.RunAsync("maskbench-no-such-program", ["--version"], new ProcessOptions { What = "Setup-Fake" });

        // Assert
        Assert.Equal(ProcessEnd.NotStarted, result.End);
        Assert.Equal(
            "Setup-Fake: cannot start maskbench-no-such-program (maskbench-no-such-program is not on PATH); is it installed?",
            result.Message
        );
        Assert.Throws<RunnerException>(() => result.EnsureSuccess());
    }

    [Fact(Timeout = 30_000)]
    public async Task A_failed_command_is_one_line_with_the_program_its_exit_code_and_last_lines_and_its_lines_stream_to_a_callback()
    {
        // Arrange
        var seen = new List<string>();
        var options = new ProcessOptions { What = "a step", OnLine = line => seen.Add(line) };

        // Act
        var result = await ProcessRunner.RunAsync(
            FakeTraining.Python,
            ["-c", "import sys; print('first'); print('the reason', file=sys.stderr, flush=True); sys.exit(3)"],
            options
        );

        // Assert
        Assert.Equal(3, result.ExitCode);
        // the last lines in the order they arrived: two pipes, so either order may come first
        Assert.Contains(
            result.Message,
            new[]
            {
                "a step: python3 failed with exit code 3: first | the reason",
                "a step: python3 failed with exit code 3: the reason | first",
            }
        );
        Assert.Equal("first\n", result.StandardOutput);
        Assert.Equal("the reason\n", result.StandardError);
        Assert.Equal(["first", "the reason"], seen.Order());
    }

    [Fact(Timeout = 60_000)]
    public async Task A_cancelled_command_stops_its_tree_and_throws()
    {
        // Arrange
        using var fake = new FakeTraining();
        var spec = ProcessSpec.Of(fake.Root, [FakeTraining.Python, .. Hanging, "--output", fake.Output, "--spawn-children", "1"]);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(2));

        // Act
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            ProcessRunner.RunAsync(
                spec,
                new ProcessOptions { Timeout = TimeSpan.FromMinutes(5), Grace = TimeSpan.FromMilliseconds(300) },
                cancel.Token
            )
        );

        // Assert
        Assert.All(fake.ChildPids(), pid => Assert.False(ProcessTable.IsAlive(pid), $"child {pid} survived"));
        Assert.False(ProcessTable.IsAlive(int.Parse(File.ReadAllText(Path.Combine(fake.Output, "fake_trainer.pid")))));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_started_program_is_killed_by_the_kernel_when_MaskBench_dies_and_carries_its_mark()
    {
        // Arrange: PR_GET_PDEATHSIG is prctl option 2.
        const string probe =
            "import ctypes, os; s = ctypes.c_int(); ctypes.CDLL(None).prctl(2, ctypes.byref(s)); print(s.value, os.environ.get('MASKBENCH_RUN', ''))";

        // Act
        var result = await ProcessRunner.RunAsync(FakeTraining.Python, ["-c", probe], new ProcessOptions());

        // Assert
        var fields = result.StandardOutput.Trim().Split(' ');
        Assert.Equal("9", fields[0]); // SIGKILL
        Assert.StartsWith("maskbench-python3-", fields[1]);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_program_started_from_a_thread_that_ends_lives_on()
    {
        // Arrange: the parent-death signal follows the thread that forked; the runner forks from a thread that never ends.
        using var fake = new FakeTraining();
        var spec = ProcessSpec.Of(fake.Root, [FakeTraining.Python, .. Hanging, "--output", fake.Output]);
        using var cancel = new CancellationTokenSource();
        Task<ProcessResult>? running = null;
        var thread = new Thread(() =>
            running = ProcessRunner.RunAsync(spec, new ProcessOptions { Timeout = TimeSpan.FromMinutes(1) }, cancel.Token)
        );
        thread.Start();
        thread.Join();
        var pidFile = Path.Combine(fake.Output, "fake_trainer.pid");
        var clock = Stopwatch.StartNew();
        while (!File.Exists(pidFile) && clock.Elapsed < TimeSpan.FromSeconds(10))
            await Task.Delay(50);

        // Act
        await Task.Delay(1000);
        var alive = ProcessTable.IsAlive(int.Parse(File.ReadAllText(pidFile)));
        cancel.Cancel();

        // Assert
        Assert.True(alive, "the program died with the thread that started it");
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running!);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_daemon_error_of_a_container_engine_is_shown_instead_of_its_JSON()
    {
        // Arrange: an engine stand-in that prints its JSON on stdout and the daemon's error on stderr, as docker info does.
        const string engine =
            "import sys; print('{\"ID\":\"\",\"Containers\":0,\"ServerErrors\":[\"x\"]}'); "
            + "print('Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?', file=sys.stderr); sys.exit(1)";

        // Act
        var result = await ProcessRunner.RunAsync(FakeTraining.Python, ["-c", engine], new ProcessOptions());

        // Assert
        const string daemon = "Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?";
        Assert.Equal(daemon, ContainerEngines.ErrorLine(result));
        Assert.Equal([daemon], result.LastOutputLines(2));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_short_command_stopped_at_its_timeout_shows_why_instead_of_its_last_lines()
    {
        // Arrange: a query that prints a line and then hangs, as nvidia-smi or squeue can
        var options = new ProcessOptions { Timeout = TimeSpan.FromSeconds(1), Grace = TimeSpan.FromMilliseconds(300) };

        // Act
        var result = await ProcessRunner.RunAsync("/bin/bash", ["-c", "echo half an answer >&2; sleep 30"], options);

        // Assert
        Assert.Equal(ProcessEnd.TimedOut, result.End);
        Assert.Equal([result.Message], result.LastOutputLines(2));
        Assert.Contains("bash did not finish within 00:00:01 and was stopped", result.Message);
    }

    static readonly AsyncLocal<string?> Target = new();

    [Fact(Timeout = 60_000)]
    public async Task A_process_output_is_seen_in_the_context_of_the_target_that_started_it()
    {
        // Arrange: two "targets" start processes one after the other, as parallel targets of a build do
        async Task<List<string?>> LinesSeenBy(string target)
        {
            Target.Value = target;
            var seen = new List<string?>();
            var result = await ProcessRunner.RunAsync(
                ProcessSpec.Of(Path.GetTempPath(), ["/bin/sh", "-c", "echo one; echo two"]),
                new ProcessOptions { What = "echo", OnLine = _ => seen.Add(Target.Value) }
            );
            Assert.True(result.Ok, result.Message);
            return seen;
        }

        // Act
        var first = await Task.Run(() => LinesSeenBy("Clone-A"));
        var second = await Task.Run(() => LinesSeenBy("Train-B"));

        // Assert
        Assert.Equal(["Clone-A", "Clone-A"], first);
        Assert.Equal(["Train-B", "Train-B"], second);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_daemon_a_command_leaves_without_its_environment_is_stopped_when_leftovers_are()
    {
        // Arrange: a daemon (a session of its own, its output away from the pipes) whose environment is empty: no mark
        using var fake = new FakeTraining();
        var pidFile = Path.Combine(fake.Root, "daemon.pid");
        var spec = ProcessSpec.Of(
            fake.Root,
            "/bin/sh",
            "-c",
            $"( setsid env -i /bin/sh -c 'echo $$ >{pidFile}; exec /bin/sleep 1235' </dev/null >/dev/null 2>&1 & ); until [ -s {pidFile} ]; do sleep 0.05; done"
        );
        var options = new ProcessOptions { StopLeftovers = true, Grace = TimeSpan.FromMilliseconds(300) };

        // Act
        var result = await ProcessRunner.RunAsync(spec, options);

        // Assert
        Assert.True(result.Ok, result.Message);
        var daemon = int.Parse(File.ReadAllText(pidFile));
        Assert.False(ProcessTable.IsAlive(daemon), $"the daemon {daemon} ({ProcessTable.CommandLine(daemon)}) survived the command");
    }
}
