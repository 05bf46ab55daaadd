using MaskBench.Tools.Slurm;

namespace MaskBench.Tests.Slurm;

/// <summary>The stand-in sbatch/squeue/sacct/scancel of tests/stand-ins/slurm, replaying scripted answers from a
/// scenario folder of their own, and what they were called with.</summary>
sealed class StandInSlurm : IDisposable
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("maskbench-standin-slurm-").FullName;

    public SlurmCommands Commands =>
        SlurmCommands.In(Paths.Repository("tests", "stand-ins", "slurm")) with
        {
            CallTimeout = TimeSpan.FromSeconds(20),
            Variables = new Dictionary<string, string> { ["STANDIN_SLURM_DIR"] = Folder },
        };

    /// <summary>Fast polling: 20 ms first, 80 ms at most, 3 failures tolerated, a 200 ms grace for missing jobs.</summary>
    public static PollPolicy Fast { get; } =
        new(TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(80), 3, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5));

    public string Work => Path.Combine(Folder, "work");

    /// <summary>The answers of <paramref name="program"/>, one per call (the last repeats).</summary>
    public StandInSlurm Answers(string program, params string[] lines)
    {
        File.WriteAllText(Path.Combine(Folder, program), string.Join("\n", lines) + "\n");
        return this;
    }

    public SlurmExecutor Executor(int attempts = 3) => SlurmExecutor.Create(Commands, Work, Fast, new RetryPolicy(attempts));

    public JobJournal Journal => JobJournal.In(Work);

    public IReadOnlyList<string> Calls(string program)
    {
        var log = Path.Combine(Folder, "calls.log");
        return File.Exists(log) ? File.ReadAllLines(log).Where(l => l.StartsWith(program + " ", StringComparison.Ordinal)).ToList() : [];
    }

    public string SbatchEnvironment => File.ReadAllText(Path.Combine(Folder, "sbatch.env"));

    public SlurmJobRequest Request(string name = "maskbench-fake-r1") =>
        new(
            name,
            Path.Combine(Folder, "runs", name),
            Folder,
            ["/bin/true"],
            new SlurmResources(1, GpuDialect.Gres, null, true, "1G", 1, TimeSpan.FromMinutes(5)),
            new Dictionary<string, string>()
        );

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException) { }
    }
}
