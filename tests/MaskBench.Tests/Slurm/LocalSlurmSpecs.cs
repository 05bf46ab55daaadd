using MaskBench.Tools.Slurm;

namespace MaskBench.Tests.Slurm;

/// <summary>Against a real single-node Slurm with fake GPUs (scripts/start-test-slurm.sh).</summary>
[Trait(Needs.Trait, Needs.Slurm)]
[Collection("local slurm")]
public class LocalSlurmSpecs(LocalSlurm cluster) : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("maskbench-slurm-").FullName;

    SlurmJobRequest Request(string name, TimeSpan limit, params string[] command) =>
        new(
            $"maskbench-spec-{name}",
            Path.Combine(folder, "runs", name),
            Paths.Root,
            command,
            LocalSlurm.OneFakeGpu(limit),
            new Dictionary<string, string> { ["PYTHONUNBUFFERED"] = "1" }
        );

    SlurmExecutor Executor() => SlurmExecutor.Create(cluster.Commands, Path.Combine(folder, "work"), LocalSlurm.Polling);

    static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not hold within 60 s");
            await Task.Delay(100);
        }
    }

    [SlurmFact(Timeout = 120_000)]
    public async Task The_fake_trainer_runs_as_a_job_on_one_fake_GPU_and_completes()
    {
        // Arrange
        var trainer = Paths.Repository("tests", "fake-trainer", "fake_trainer.py");
        var request = Request(
            "trainer",
            TimeSpan.FromMinutes(5),
            "/bin/bash",
            "-c",
            "echo \"gpus=$CUDA_VISIBLE_DEVICES job=$SLURM_JOB_ID\"; exec /usr/bin/python3 \"$0\" --format plain --iterations 30",
            trainer
        );

        // Act
        var outcome = await Executor().RunAsync(request);

        // Assert
        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.Equal("COMPLETED", outcome.State);
        var output = File.ReadAllText(request.OutputFile(outcome.JobId!));
        Assert.Matches(@"gpus=\d job=" + outcome.JobId, output);
        Assert.Contains("30", output);
        Assert.Contains("--gres=gpu:fake:1", File.ReadAllText(request.ScriptPath));
    }

    [SlurmFact(Timeout = 120_000)]
    public async Task Three_trainings_are_in_flight_at_once_and_run_side_by_side()
    {
        // Arrange: each job records when it started and ended.
        var executor = Executor();
        var requests = Enumerable
            .Range(1, 3)
            .Select(i => Request($"together-{i}", TimeSpan.FromMinutes(5), "/bin/bash", "-c", "date +%s.%N; sleep 4; date +%s.%N"))
            .ToList();

        // Act
        var outcomes = await executor.RunAllAsync(requests);

        // Assert
        Assert.All(outcomes, o => Assert.True(o.Succeeded, o.Message));
        var spans = outcomes
            .Select(
                (o, i) =>
                    File.ReadAllLines(requests[i].OutputFile(o.JobId!))
                        .Select(l => double.Parse(l, System.Globalization.CultureInfo.InvariantCulture))
                        .ToArray()
            )
            .ToList();
        Assert.True(spans.Max(s => s[0]) < spans.Min(s => s[1]), "every job started before the first one ended");
    }

    [SlurmFact(Timeout = 120_000)]
    public async Task A_job_that_exits_with_3_fails_as_exit_3()
    {
        // Arrange
        var request = Request("exit", TimeSpan.FromMinutes(5), "/bin/bash", "-c", "echo failing; exit 3");

        // Act
        var outcome = await Executor().RunAsync(request);

        // Assert
        Assert.Equal(("exit", 3, "FAILED"), (outcome.FailureKind, outcome.ExitCode, outcome.State));
        Assert.Contains($"job {outcome.JobId} failed with exit code 3", outcome.Message);
    }

    [SlurmFact(Timeout = 120_000)]
    public async Task A_job_cancelled_from_outside_fails_as_cancelled_from_outside()
    {
        // Arrange
        var executor = Executor();
        var request = Request("outside", TimeSpan.FromMinutes(5), "/bin/sleep", "300");
        var running = executor.RunAsync(request);
        await WaitUntilAsync(() => JobJournal.In(Path.Combine(folder, "work")).Entries().Count == 1);
        var jobId = JobJournal.In(Path.Combine(folder, "work")).Entries()[0].JobId;

        // Act
        var scancel = await cluster.RunAsync("scancel", jobId);
        var outcome = await running;

        // Assert
        Assert.True(scancel.Ok, scancel.StandardError);
        Assert.Equal(("cancelled", "CANCELLED", jobId), (outcome.FailureKind, outcome.State, outcome.JobId));
        Assert.Contains("cancelled from outside this build", outcome.Message);
    }

    [SlurmFact(Timeout = 120_000)]
    public async Task A_build_killed_and_run_again_reattaches_to_its_running_job_without_a_second_submission()
    {
        // Arrange: the first build submits and is "killed" (abandoned: its wait is never completed or cancelled).
        var request = Request("reattach", TimeSpan.FromMinutes(5), "/bin/bash", "-c", "sleep 4; echo finished");
        _ = Executor().RunAsync(request);
        var journal = JobJournal.In(Path.Combine(folder, "work"));
        await WaitUntilAsync(() => journal.Entries().Count == 1);
        var submitted = journal.Entries()[0].JobId;

        // Act: the second build, a new executor and poller over the same work folder.
        var outcome = await Executor().RunAsync(request);

        // Assert
        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.Equal((submitted, true, 1), (outcome.JobId, outcome.Reattached, outcome.Attempts));
        var jobs = await cluster.RunAsync("squeue", "--noheader", "--states=all", "--name=" + request.RunName, "--format=%i");
        Assert.Equal([submitted], jobs.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Contains("finished", File.ReadAllText(request.OutputFile(submitted)));
    }

    [SlurmFact(Timeout = 120_000)]
    public async Task Ctrl_C_cancels_the_running_jobs_with_one_scancel_and_they_end_cancelled()
    {
        // Arrange
        var executor = Executor();
        using var control = new CancellationTokenSource();
        var running = executor.RunAllAsync(
            [
                Request("ctrl-c-1", TimeSpan.FromMinutes(5), "/bin/sleep", "300"),
                Request("ctrl-c-2", TimeSpan.FromMinutes(5), "/bin/sleep", "300"),
            ],
            control.Token
        );
        await WaitUntilAsync(() => JobJournal.In(Path.Combine(folder, "work")).Entries().Count == 2);

        // Act
        await control.CancelAsync();
        var outcomes = await running;

        // Assert
        Assert.Equal(1, executor.Poller.Cancels);
        Assert.All(outcomes, o => Assert.Equal(("cancelled", "CANCELLED"), (o.FailureKind, o.State)));
        var left = await cluster.RunAsync(
            "squeue",
            "--noheader",
            "--states=PENDING,RUNNING",
            $"--jobs={string.Join(',', outcomes.Select(o => o.JobId))}"
        );
        Assert.Equal("", left.StandardOutput.Trim());
    }

    [SlurmFact(Timeout = 60_000)]
    public async Task A_partition_that_does_not_exist_fails_with_sbatchs_own_line()
    {
        // Arrange
        var request = Request("partition", TimeSpan.FromMinutes(5), "/bin/true");
        request = request with { Resources = request.Resources with { Partition = "nosuchpartition" } };

        // Act
        var outcome = await Executor().RunAsync(request);

        // Assert
        Assert.Equal("submit", outcome.FailureKind);
        Assert.Contains("invalid partition specified: nosuchpartition", outcome.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain('\n', outcome.Message);
    }

    [SlurmFact(Timeout = 240_000)]
    [Trait("Category", "Slow")]
    public async Task A_job_past_its_time_limit_fails_as_timeout()
    {
        // Arrange: Slurm ends a 1-minute job at about 77 s; this one ignores the TERM sent before the limit.
        var request = Request("timeout", TimeSpan.FromMinutes(1), "/bin/bash", "-c", "trap '' TERM; /bin/sleep 600");

        // Act
        var outcome = await Executor().RunAsync(request);

        // Assert
        Assert.Equal(("timeout", "TIMEOUT"), (outcome.FailureKind, outcome.State));
        Assert.Contains("#SBATCH --signal=B:TERM@30", File.ReadAllText(request.ScriptPath));
        Assert.Contains($"job {outcome.JobId} reached its time limit of 0-00:01:00", outcome.Message);
    }

    [SlurmFact(Timeout = 180_000)]
    public async Task A_job_survives_a_controller_restart_and_its_end_is_still_read()
    {
        // Arrange
        var request = Request("restart", TimeSpan.FromMinutes(5), "/bin/bash", "-c", "sleep 10; echo survived");
        var running = Executor().RunAsync(request);
        var output = Path.Combine(folder, "runs", "restart");
        await WaitUntilAsync(() => Directory.Exists(output) && Directory.GetFiles(output, "slurm-*.out").Length == 1);

        // Act
        var restart = await cluster.RunAsync("/bin/bash", Paths.Repository("scripts", "start-test-slurm.sh"), "--restart-controller");
        var outcome = await running;

        // Assert
        Assert.True(restart.Ok, restart.StandardOutput + restart.StandardError);
        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.Contains("survived", File.ReadAllText(request.OutputFile(outcome.JobId!)));
    }

    [SlurmFact(Timeout = 120_000)]
    public async Task A_job_whose_node_goes_down_fails_as_node_failure()
    {
        // Arrange
        var request = Request("node-down", TimeSpan.FromMinutes(5), "/bin/sleep", "300");
        var running = Executor().RunAsync(request);
        var output = Path.Combine(folder, "runs", "node-down");
        await WaitUntilAsync(() => Directory.Exists(output) && Directory.GetFiles(output, "slurm-*.out").Length == 1);

        // Act
        SlurmJobOutcome outcome;
        try
        {
            var down = await cluster.RunAsync("scontrol", "update", "nodename=localhost", "state=down", "reason=maskbench-spec");
            Assert.True(down.Ok, down.StandardError);
            outcome = await running;
        }
        finally
        {
            await cluster.RunAsync("scontrol", "update", "nodename=localhost", "state=resume");
        }

        // Assert
        Assert.Equal(("node-failure", "NODE_FAIL"), (outcome.FailureKind, outcome.State));
        Assert.Contains($"job {outcome.JobId} lost its node", outcome.Message);
    }

    [SlurmFact(Timeout = 120_000)]
    public async Task A_job_on_a_node_drained_mid_job_runs_to_its_end()
    {
        // Arrange
        var request = Request("drain", TimeSpan.FromMinutes(5), "/bin/bash", "-c", "sleep 4; echo drained but done");
        var running = Executor().RunAsync(request);
        var output = Path.Combine(folder, "runs", "drain");
        await WaitUntilAsync(() => Directory.Exists(output) && Directory.GetFiles(output, "slurm-*.out").Length == 1);

        // Act
        SlurmJobOutcome outcome;
        try
        {
            var drain = await cluster.RunAsync("scontrol", "update", "nodename=localhost", "state=drain", "reason=maskbench-spec");
            Assert.True(drain.Ok, drain.StandardError);
            outcome = await running;
        }
        finally
        {
            await cluster.RunAsync("scontrol", "update", "nodename=localhost", "state=resume");
        }

        // Assert
        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.Contains("drained but done", File.ReadAllText(request.OutputFile(outcome.JobId!)));
    }

    [SlurmFact(Timeout = 180_000)]
    [Trait("Category", "Slow")]
    public async Task The_command_the_script_execs_gets_TERM_before_the_time_limit_and_can_end_cleanly()
    {
        // Arrange: what the supervisor does on TERM (stop the training, write the record), in one line of bash.
        var request = Request("term", TimeSpan.FromMinutes(1), "/bin/bash", "-c", "trap 'echo got TERM; exit 0' TERM; sleep 600 & wait");

        // Act
        var outcome = await Executor().RunAsync(request);

        // Assert
        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.Contains("got TERM", File.ReadAllText(request.OutputFile(outcome.JobId!)));
    }

    [SlurmFact(Timeout = 180_000)]
    [Trait("Category", "Slow")]
    public async Task A_job_whose_supervisor_the_TERM_before_the_time_limit_stopped_fails_as_its_time_limit()
    {
        // Arrange: what Supervise does on Slurm's TERM ahead of the limit (fault probe 2, row 50): stop, exit 7.
        var request = Request(
            "term-limit",
            TimeSpan.FromMinutes(1),
            "/bin/bash",
            "-c",
            $"trap 'exit {MaskBench.Engine.ExitCodes.JobTimeLimit}' TERM; sleep 600 & wait"
        );

        // Act
        var outcome = await Executor().RunAsync(request);

        // Assert
        Assert.Equal("timeout", outcome.FailureKind);
        Assert.Contains("time limit", outcome.Message);
        Assert.Contains("--train-timeout", outcome.Message);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException) { }
    }
}
