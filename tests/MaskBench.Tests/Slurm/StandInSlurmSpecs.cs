using MaskBench.Tools.Slurm;

namespace MaskBench.Tests.Slurm;

/// <summary>State sequences a real cluster cannot be made to produce quickly, replayed by stand-in Slurm commands.</summary>
public class StandInSlurmSpecs
{
    [Fact(Timeout = 60_000)]
    public async Task A_job_that_goes_from_pending_to_running_to_completed_succeeds_and_leaves_the_journal()
    {
        // Arrange
        using var slurm = new StandInSlurm()
            .Answers("sbatch", "101")
            .Answers("squeue", "101|PENDING|Priority|0", "101|RUNNING|None|0", "101|COMPLETED|None|0");

        // Act
        var outcome = await slurm.Executor().RunAsync(slurm.Request());

        // Assert
        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.Equal(("101", "COMPLETED", 1, false), (outcome.JobId, outcome.State, outcome.Attempts, outcome.Reattached));
        Assert.Single(slurm.Calls("sbatch"));
        Assert.Equal(3, slurm.Calls("squeue").Count);
        Assert.Empty(slurm.Journal.Entries());
        Assert.True(File.Exists(slurm.Request().ScriptPath));
        Assert.Equal(BatchScript.Hash(File.ReadAllText(slurm.Request().ScriptPath)), outcome.ScriptHash);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_preempted_measurement_is_discarded_and_submitted_again_fresh_with_the_attempts_counted()
    {
        // Arrange
        using var slurm = new StandInSlurm()
            .Answers("sbatch", "101", "102")
            .Answers("squeue", "101|RUNNING|None|0", "101|PREEMPTED|None|0", "102|RUNNING|None|0", "102|COMPLETED|None|0");

        // Act
        var outcome = await slurm.Executor().RunAsync(slurm.Request());

        // Assert
        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.Equal(("102", 2), (outcome.JobId, outcome.Attempts));
        Assert.Equal(2, slurm.Calls("sbatch").Count);
        Assert.Empty(slurm.Journal.Entries());
    }

    [Fact(Timeout = 60_000)]
    public async Task A_job_that_Slurm_requeues_is_cancelled_and_submitted_again_rather_than_resumed()
    {
        // Arrange
        using var slurm = new StandInSlurm()
            .Answers("sbatch", "101", "102")
            .Answers("squeue", "101|RUNNING|None|0", "101|REQUEUED|BeginTime|0", "102|COMPLETED|None|0");

        // Act
        var outcome = await slurm.Executor().RunAsync(slurm.Request());

        // Assert
        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.Equal(2, outcome.Attempts);
        Assert.Contains("scancel 101", slurm.Calls("scancel"));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_measurement_preempted_on_every_attempt_fails_as_preempted_after_the_last_attempt()
    {
        // Arrange
        using var slurm = new StandInSlurm()
            .Answers("sbatch", "101", "102")
            .Answers("squeue", "101|PREEMPTED|None|0", "102|PREEMPTED|None|0");

        // Act
        var outcome = await slurm.Executor(attempts: 2).RunAsync(slurm.Request());

        // Assert
        Assert.False(outcome.Succeeded);
        Assert.Equal(("preempted", "102", 2), (outcome.FailureKind, outcome.JobId, outcome.Attempts));
        Assert.Contains("job 102", outcome.Message);
        Assert.Contains("after 2 attempts", outcome.Message);
    }

    [Theory(Timeout = 60_000)]
    [InlineData("UNKNOWN", "unknown")]
    [InlineData("SOMETHING_NEW", "unknown")]
    [InlineData("TIMEOUT", "timeout")]
    [InlineData("OUT_OF_MEMORY", "oom")]
    [InlineData("NODE_FAIL", "node-failure")]
    [InlineData("BOOT_FAIL", "boot-failure")]
    [InlineData("DEADLINE", "deadline")]
    [InlineData("CANCELLED", "cancelled")]
    public async Task A_job_that_ends_in_any_state_but_completed_fails_with_its_kind_and_job_id(string state, string kind)
    {
        // Arrange
        using var slurm = new StandInSlurm().Answers("sbatch", "101").Answers("squeue", "101|RUNNING|None|0", $"101|{state}|None|0");

        // Act
        var outcome = await slurm.Executor().RunAsync(slurm.Request());

        // Assert
        Assert.False(outcome.Succeeded);
        Assert.Equal(kind, outcome.FailureKind);
        Assert.Contains("job 101", outcome.Message);
        Assert.DoesNotContain('\n', outcome.Message);
        Assert.Empty(slurm.Journal.Entries());
    }

    [Fact(Timeout = 60_000)]
    public async Task A_user_whose_job_lost_its_node_is_given_a_fix_that_exists()
    {
        // Arrange
        using var slurm = new StandInSlurm().Answers("sbatch", "101").Answers("squeue", "101|RUNNING|None|0", "101|NODE_FAIL|NodeDown|0");

        // Act
        var outcome = await slurm.Executor().RunAsync(slurm.Request());

        // Assert: --slurm-constraint selects node features, it cannot exclude a node
        Assert.Equal("node-failure", outcome.FailureKind);
        Assert.DoesNotContain("--slurm-constraint", outcome.Message);
        Assert.Contains("ask the cluster's administrators to drain it (sacct -j 101 -o NodeList names it)", outcome.Message);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_job_whose_supervisor_Slurms_TERM_ahead_of_the_time_limit_stopped_fails_as_a_time_limit()
    {
        // Arrange: an administrator shortened the limit; the TERM backstop fired at once and the supervisor ended
        // FAILED with its own code before Slurm's TIMEOUT (squeue's exit_code is a wait status: the code times 256)
        var status = TimeLimit.TermExitCode << 8;
        using var slurm = new StandInSlurm()
            .Answers("sbatch", "101")
            .Answers("squeue", "101|RUNNING|None|0", $"101|FAILED|NonZeroExitCode|{status}");

        // Act
        var outcome = await slurm.Executor().RunAsync(slurm.Request());

        // Assert
        Assert.Equal("timeout", outcome.FailureKind);
        Assert.Contains("job 101 reached its time limit", outcome.Message);
        Assert.Contains("raise --train-timeout", outcome.Message);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_failed_job_reports_its_exit_code()
    {
        // Arrange
        using var slurm = new StandInSlurm().Answers("sbatch", "101").Answers("squeue", "101|FAILED|NonZeroExitCode|768");

        // Act
        var outcome = await slurm.Executor().RunAsync(slurm.Request());

        // Assert
        Assert.Equal(("exit", 3), (outcome.FailureKind, outcome.ExitCode));
        Assert.Contains("job 101 failed with exit code 3", outcome.Message);
    }

    [Fact(Timeout = 60_000)]
    public async Task Squeue_failing_twice_then_answering_is_tolerated()
    {
        // Arrange
        using var slurm = new StandInSlurm()
            .Answers("sbatch", "101")
            .Answers(
                "squeue",
                "!1 squeue: error: Socket timed out on send/recv operation",
                "!1 squeue: error: Socket timed out on send/recv operation",
                "101|RUNNING|None|0",
                "101|COMPLETED|None|0"
            );

        // Act
        var outcome = await slurm.Executor().RunAsync(slurm.Request());

        // Assert
        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.Equal(4, slurm.Calls("squeue").Count);
    }

    [Fact(Timeout = 60_000)]
    public async Task An_unreachable_controller_ends_the_wait_with_one_line_and_keeps_the_job_for_the_next_build()
    {
        // Arrange
        using var slurm = new StandInSlurm()
            .Answers("sbatch", "101")
            .Answers("squeue", "!1 slurm_load_jobs error: Unable to contact slurm controller (connect failure)");

        // Act
        var outcome = await slurm.Executor().RunAsync(slurm.Request());

        // Assert
        Assert.Equal(("scheduler", JobPoller.Unreachable), (outcome.FailureKind, outcome.State));
        Assert.Contains("Unable to contact slurm controller", outcome.Message);
        Assert.Contains("job 101", outcome.Message);
        Assert.Equal("101", Assert.Single(slurm.Journal.Entries()).JobId);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_job_gone_from_the_queue_without_accounting_or_exit_marker_is_unknown_never_success()
    {
        // Arrange
        using var slurm = new StandInSlurm()
            .Answers("sbatch", "101")
            .Answers("squeue", "101|RUNNING|None|0", "")
            .Answers("sacct", "!1 Slurm accounting storage is disabled");

        // Act
        var outcome = await slurm.Executor().RunAsync(slurm.Request());

        // Assert
        Assert.Equal(("unknown", "UNKNOWN"), (outcome.FailureKind, outcome.State));
        Assert.Contains("no accounting", outcome.Message);
        Assert.Single(slurm.Calls("sacct")); // accounting is asked for once, not every cycle
    }

    [Fact(Timeout = 60_000)]
    public async Task A_job_purged_from_the_queue_right_after_completing_at_its_time_limit_fails_as_timeout()
    {
        // Arrange: KillWait as long as MinJobAge: Slurm drops the job as soon as it leaves COMPLETING; no accounting.
        using var slurm = new StandInSlurm()
            .Answers("sbatch", "101")
            .Answers("squeue", "101|RUNNING|None|0", "101|COMPLETING|TimeLimit|0", "")
            .Answers("sacct", "!1 Slurm accounting storage is disabled");

        // Act
        var outcome = await slurm.Executor().RunAsync(slurm.Request());

        // Assert
        Assert.Equal(("timeout", "TIMEOUT"), (outcome.FailureKind, outcome.State));
        Assert.Contains("job 101 reached its time limit", outcome.Message);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_job_last_seen_completing_without_a_reason_that_names_its_end_is_still_unknown()
    {
        // Arrange
        using var slurm = new StandInSlurm()
            .Answers("sbatch", "101")
            .Answers("squeue", "101|COMPLETING|None|0", "")
            .Answers("sacct", "!1 Slurm accounting storage is disabled");

        // Act
        var outcome = await slurm.Executor().RunAsync(slurm.Request());

        // Assert
        Assert.Equal(("unknown", "UNKNOWN"), (outcome.FailureKind, outcome.State));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_job_gone_from_the_queue_is_looked_up_in_accounting_when_the_cluster_keeps_it()
    {
        // Arrange
        using var slurm = new StandInSlurm()
            .Answers("sbatch", "101")
            .Answers("squeue", "101|RUNNING|None|0", "")
            .Answers("sacct", "", "101|TIMEOUT|0:15");

        // Act
        var outcome = await slurm.Executor().RunAsync(slurm.Request());

        // Assert
        Assert.Equal(("timeout", "TIMEOUT"), (outcome.FailureKind, outcome.State));
        Assert.Contains("--jobs=101", slurm.Calls("sacct").Last());
    }

    [Fact(Timeout = 60_000)]
    public async Task A_job_the_scheduler_forgot_is_judged_by_its_exit_marker()
    {
        // Arrange
        using var slurm = new StandInSlurm()
            .Answers("sbatch", "101")
            .Answers("squeue", "")
            .Answers("sacct", "!1 Slurm accounting storage is disabled");
        var request = slurm.Request() with { ExitMarker = Path.Combine(slurm.Folder, "runs", "exit-code") };
        var marking = Task.Run(async () =>
        {
            while (slurm.Calls("squeue").Count == 0)
                await Task.Delay(10);
            File.WriteAllText(request.ExitMarker!, "0 101\n");
        });

        // Act
        var outcome = await slurm.Executor().RunAsync(request);

        // Assert
        await marking;
        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.Equal("COMPLETED", outcome.State);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_journalled_job_Slurm_forgot_does_not_take_an_earlier_jobs_marker_and_runs_again()
    {
        // Arrange: job 88888 is journalled with the current identity, Slurm knows it no more, and the run folder holds
        // the marker an earlier job (77) wrote
        using var slurm = new StandInSlurm()
            .Answers("sbatch", "102")
            .Answers("squeue", "", "102|COMPLETED|None|0")
            .Answers("sacct", "!1 Slurm accounting storage is disabled");
        var request = slurm.Request() with { ExitMarker = Path.Combine(slurm.Folder, "runs", "exit-code") };
        Directory.CreateDirectory(Path.GetDirectoryName(request.ExitMarker!)!);
        File.WriteAllText(request.ExitMarker!, "0 77\n");
        slurm.Journal.Record(new JournalEntry(request.RunName, "88888", request.Identity(), DateTimeOffset.UtcNow, 1));

        // Act
        var outcome = await slurm.Executor().RunAsync(request);

        // Assert
        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.Equal(("102", false), (outcome.JobId, outcome.Reattached));
        Assert.Single(slurm.Calls("sbatch"));
        Assert.False(File.Exists(request.ExitMarker), "the earlier job's marker is gone before the new submission");
    }

    [Theory]
    [InlineData("0\n")]
    [InlineData("0 77\n")]
    [InlineData("zero 101\n")]
    public void An_exit_marker_speaks_only_for_the_job_that_wrote_it(string text)
    {
        // Arrange
        using var slurm = new StandInSlurm();
        var marker = Path.Combine(slurm.Folder, "exit-code");
        File.WriteAllText(marker, text);

        // Act
        var code = ExitMarker.Read(marker, "101");

        // Assert
        Assert.Null(code);
    }
}
