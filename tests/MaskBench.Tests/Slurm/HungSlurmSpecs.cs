using MaskBench.Tools.Slurm;

namespace MaskBench.Tests.Slurm;

/// <summary>A Slurm command that never answers (the stand-ins' <c>hang</c>): the build's own token still stops it, each
/// query stays bounded, and the user reads a line that names the program.</summary>
[Collection(GlobalLogCollection.Name)]
public class HungSlurmSpecs
{
    [Fact(Timeout = 60_000)]
    public async Task Ctrl_C_while_squeue_hangs_cancels_the_job_at_once_and_leaves_no_squeue_behind()
    {
        // Arrange: each query may take 2 minutes, longer than this spec may run
        using var slurm = new StandInSlurm().Answers("sbatch", "101").Answers("squeue", "101|RUNNING|None|0", "hang");
        var executor = SlurmExecutor.Create(
            slurm.Commands with
            {
                CallTimeout = TimeSpan.FromMinutes(2),
            },
            slurm.Work,
            StandInSlurm.Fast,
            new RetryPolicy(1)
        );
        using var control = new CancellationTokenSource();
        var running = executor.RunAsync(slurm.Request(), control.Token);
        while (!File.Exists(Path.Combine(slurm.Folder, "hung.pids")))
            await Task.Delay(10);

        // Act
        await control.CancelAsync();
        var outcome = await running;

        // Assert
        Assert.Equal(("cancelled", "CANCELLED"), (outcome.FailureKind, outcome.State));
        Assert.Equal("scancel 101", Assert.Single(slurm.Calls("scancel")));
        Assert.All(HungPids(slurm), pid => Assert.False(ProcessTable.IsAlive(pid), $"the hung squeue {pid} is still there"));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_build_that_reattaches_while_sacct_hangs_is_told_so_in_a_line_and_goes_on_by_the_exit_marker()
    {
        // Arrange: the journalled job left the queue; sacct never answers; the job's marker says it ended well
        using var lines = new LogLines();
        using var slurm = new StandInSlurm().Answers("squeue", "").Answers("sacct", "hang");
        var request = slurm.Request() with { ExitMarker = Path.Combine(slurm.Folder, "exit-code") };
        File.WriteAllText(request.ExitMarker!, "0 101\n");
        slurm.Journal.Record(new JournalEntry(request.RunName, "101", request.Identity(), DateTimeOffset.UtcNow, 1));
        var executor = SlurmExecutor.Create(
            slurm.Commands with
            {
                CallTimeout = TimeSpan.FromSeconds(2),
            },
            slurm.Work,
            StandInSlurm.Fast,
            new RetryPolicy(1)
        );

        // Act
        var outcome = await executor.RunAsync(request);

        // Assert
        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.Contains(
            lines.All,
            l =>
                l.StartsWith("\"sacct\": still running", StringComparison.Ordinal)
                || l.StartsWith("sacct: still running", StringComparison.Ordinal)
        );
        Assert.Contains(lines.All, l => l.Contains("sacct did not finish within", StringComparison.Ordinal));
        Assert.All(HungPids(slurm), pid => Assert.False(ProcessTable.IsAlive(pid), $"the hung sacct {pid} is still there"));
    }

    static IEnumerable<int> HungPids(StandInSlurm slurm) => File.ReadAllLines(Path.Combine(slurm.Folder, "hung.pids")).Select(int.Parse);
}
