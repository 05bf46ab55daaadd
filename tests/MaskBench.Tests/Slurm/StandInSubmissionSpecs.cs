using MaskBench.Tools.Slurm;

namespace MaskBench.Tests.Slurm;

/// <summary>Submission, batching, cancellation and re-attachment, against stand-in Slurm commands.</summary>
public class StandInSubmissionSpecs
{
    [Fact(Timeout = 60_000)]
    public async Task All_trainings_in_flight_are_watched_with_one_squeue_a_cycle()
    {
        // Arrange
        using var slurm = new StandInSlurm()
            .Answers("sbatch", "101", "102", "103")
            .Answers(
                "squeue",
                "101|PENDING|None|0",
                "101|RUNNING|None|0\\n102|RUNNING|None|0\\n103|RUNNING|None|0",
                "101|RUNNING|None|0\\n102|RUNNING|None|0\\n103|RUNNING|None|0",
                "101|COMPLETED|None|0\\n102|COMPLETED|None|0\\n103|COMPLETED|None|0"
            );
        var executor = slurm.Executor();

        // Act
        var outcomes = await executor.RunAllAsync([slurm.Request("r1"), slurm.Request("r2"), slurm.Request("r3")]);

        // Assert
        Assert.All(outcomes, o => Assert.True(o.Succeeded, o.Message));
        Assert.Equal(["101", "102", "103"], outcomes.Select(o => o.JobId!).Order());
        var last = slurm.Calls("squeue").Last();
        Assert.All(["101", "102", "103"], id => Assert.Contains(id, last));
        Assert.InRange(slurm.Calls("squeue").Count, 3, 6);
        // a job squeue does not list yet (submitted after the first query) is asked of sacct: a query too, unlike the
        // one probe whether accounting exists (it asks for job 1)
        var accounting = slurm.Calls("sacct").Count(c => !c.EndsWith("--jobs=1", StringComparison.Ordinal));
        Assert.Equal(executor.Poller.Queries, slurm.Calls("squeue").Count + accounting);
    }

    [Fact(Timeout = 60_000)]
    public async Task Ctrl_C_cancels_every_job_in_flight_with_one_scancel_and_waits_for_them_to_leave()
    {
        // Arrange
        using var slurm = new StandInSlurm()
            .Answers("sbatch", "101", "102", "103")
            .Answers("squeue", "101|RUNNING|None|0\\n102|RUNNING|None|0\\n103|RUNNING|None|0");
        using var control = new CancellationTokenSource();
        var executor = slurm.Executor();
        var running = executor.RunAllAsync([slurm.Request("r1"), slurm.Request("r2"), slurm.Request("r3")], control.Token);
        while (slurm.Journal.Entries().Count < 3 || slurm.Calls("squeue").Count < 2)
            await Task.Delay(10);

        // Act
        await control.CancelAsync();
        var outcomes = await running;

        // Assert
        var scancel = Assert.Single(slurm.Calls("scancel"));
        Assert.All(["101", "102", "103"], id => Assert.Contains(id, scancel));
        Assert.All(outcomes, o => Assert.Equal("cancelled", o.FailureKind));
        Assert.All(outcomes, o => Assert.Contains("cancelled by this build", o.Message));
        Assert.Empty(slurm.Journal.Entries());
    }

    [Fact(Timeout = 60_000)]
    public async Task A_build_run_again_reattaches_to_its_journalled_job_without_submitting_again()
    {
        // Arrange
        using var slurm = new StandInSlurm().Answers("sbatch", "999").Answers("squeue", "101|RUNNING|None|0", "101|COMPLETED|None|0");
        var request = slurm.Request();
        var hash = BatchScript.Hash(BatchScript.Render(request));
        slurm.Journal.Record(new JournalEntry(request.RunName, "101", hash, DateTimeOffset.UtcNow, 1));

        // Act
        var outcome = await slurm.Executor().RunAsync(request);

        // Assert
        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.Equal(("101", true, 1), (outcome.JobId, outcome.Reattached, outcome.Attempts));
        Assert.Empty(slurm.Calls("sbatch"));
        Assert.Empty(slurm.Journal.Entries());
    }

    [Fact(Timeout = 60_000)]
    public async Task A_journalled_job_of_an_older_script_is_cancelled_and_the_current_script_submitted()
    {
        // Arrange
        using var slurm = new StandInSlurm().Answers("sbatch", "102").Answers("squeue", "102|COMPLETED|None|0");
        var request = slurm.Request();
        slurm.Journal.Record(new JournalEntry(request.RunName, "101", "an-older-hash", DateTimeOffset.UtcNow, 1));

        // Act
        var outcome = await slurm.Executor().RunAsync(request);

        // Assert
        Assert.Equal(("102", false), (outcome.JobId, outcome.Reattached));
        Assert.Equal(["scancel 101"], slurm.Calls("scancel"));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_journalled_job_of_the_same_script_but_other_settings_is_cancelled_and_a_new_one_submitted()
    {
        // Arrange: a build killed mid-job (job.json of batch=2), run again with --set batch=8 (same script, other job.json)
        using var slurm = new StandInSlurm().Answers("sbatch", "102").Answers("squeue", "102|COMPLETED|None|0");
        var old = slurm.Request() with { Files = new Dictionary<string, string> { ["job.json"] = "{\"batch\": 2}\n" } };
        var request = old with { Files = new Dictionary<string, string> { ["job.json"] = "{\"batch\": 8}\n" } };
        slurm.Journal.Record(new JournalEntry(old.RunName, "101", old.Identity(), DateTimeOffset.UtcNow, 1));

        // Act
        var outcome = await slurm.Executor().RunAsync(request);

        // Assert
        Assert.Equal(BatchScript.Render(old), BatchScript.Render(request));
        Assert.Equal(("102", false), (outcome.JobId, outcome.Reattached));
        Assert.Equal(["scancel 101"], slurm.Calls("scancel"));
        Assert.Equal("{\"batch\": 8}\n", File.ReadAllText(Path.Combine(request.RunFolder, "job.json")));
        Assert.Equal(request.Identity(), outcome.ScriptHash);
    }

    [Fact(Timeout = 60_000)]
    public async Task The_job_id_is_journalled_before_the_wait()
    {
        // Arrange
        using var slurm = new StandInSlurm().Answers("sbatch", "101;cluster-a").Answers("squeue", "101|RUNNING|None|0");
        using var control = new CancellationTokenSource();
        var running = slurm.Executor().RunAsync(slurm.Request(), control.Token);

        // Act
        while (slurm.Calls("squeue").Count == 0)
            await Task.Delay(10);
        var entry = Assert.Single(slurm.Journal.Entries());
        await control.CancelAsync();
        await running;

        // Assert
        Assert.Equal(("101", 1), (entry.JobId, entry.Attempt));
        Assert.Equal(BatchScript.Hash(File.ReadAllText(slurm.Request().ScriptPath)), entry.ScriptHash);
    }

    [Fact(Timeout = 60_000)]
    public async Task Without_sbatch_the_user_reads_one_line_that_says_what_to_do()
    {
        // Arrange
        using var slurm = new StandInSlurm();
        var executor = SlurmExecutor.Create(slurm.Commands with { Sbatch = "/nonexistent/bin/sbatch" }, slurm.Work, StandInSlurm.Fast);

        // Act
        var outcome = await executor.RunAsync(slurm.Request());

        // Assert
        Assert.Equal("submit", outcome.FailureKind);
        Assert.Contains("is not on PATH: load your cluster's Slurm module", outcome.Message);
        Assert.Contains("--executor local", outcome.Message);
        Assert.DoesNotContain('\n', outcome.Message);
        Assert.Empty(slurm.Journal.Entries());
    }

    [Fact(Timeout = 60_000)]
    public async Task A_partition_that_does_not_exist_fails_with_sbatchs_own_line()
    {
        // Arrange
        using var slurm = new StandInSlurm().Answers(
            "sbatch",
            "!1 sbatch: error: Batch job submission failed: Invalid partition name specified"
        );

        // Act
        var outcome = await slurm.Executor().RunAsync(slurm.Request());

        // Assert
        Assert.Equal(("submit", null), (outcome.FailureKind, outcome.JobId));
        Assert.EndsWith("sbatch: error: Batch job submission failed: Invalid partition name specified", outcome.Message);
        Assert.Empty(slurm.Journal.Entries());
        Assert.Empty(slurm.Calls("squeue"));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_user_whose_job_sbatch_refused_is_pointed_at_no_output_file_that_cannot_exist()
    {
        // Arrange
        using var slurm = new StandInSlurm().Answers("sbatch", "!1 sbatch: error: invalid partition specified: nosuch");
        var request = slurm.Request();
        var outcome = await slurm.Executor().RunAsync(request);

        // Act
        var message = MaskBench.Stages.Train.SlurmTrainExecutor.Failure(outcome, request.ErrorFile);

        // Assert
        Assert.EndsWith("sbatch: error: invalid partition specified: nosuch", message);
        Assert.DoesNotContain("Slurm's output", message);
        Assert.DoesNotContain("<id>", message);
    }

    [Fact(Timeout = 60_000)]
    public async Task Sbatch_does_not_see_the_SBATCH_and_SLURM_settings_of_an_allocation_the_build_runs_in()
    {
        // Arrange
        using var slurm = new StandInSlurm().Answers("sbatch", "101").Answers("squeue", "101|COMPLETED|None|0");
        Environment.SetEnvironmentVariable("SBATCH_MASKBENCH_PROBE", "gpu-partition");
        Environment.SetEnvironmentVariable("SLURM_MASKBENCH_PROBE", "4242");
        try
        {
            // Act
            await slurm.Executor().RunAsync(slurm.Request());
        }
        finally
        {
            Environment.SetEnvironmentVariable("SBATCH_MASKBENCH_PROBE", null);
            Environment.SetEnvironmentVariable("SLURM_MASKBENCH_PROBE", null);
        }

        // Assert
        Assert.DoesNotContain("SBATCH_MASKBENCH_PROBE", slurm.SbatchEnvironment);
        Assert.DoesNotContain("SLURM_MASKBENCH_PROBE", slurm.SbatchEnvironment);
        Assert.Contains("STANDIN_SLURM_DIR=", slurm.SbatchEnvironment);
    }
}
