using System.Collections;

namespace MaskBench.Tools.Slurm;

/// <summary>The Slurm client programs and how they are called: names on PATH (a cluster's Slurm module) or paths
/// (stand-ins in tests), a timeout per call, and variables for them (e.g. <c>SLURM_CONF</c> of a test cluster).</summary>
public sealed record SlurmCommands(
    string Sbatch,
    string Squeue,
    string Sacct,
    string Scancel,
    TimeSpan CallTimeout,
    IReadOnlyDictionary<string, string> Variables
)
{
    public static SlurmCommands OnPath { get; } =
        new("sbatch", "squeue", "sacct", "scancel", TimeSpan.FromSeconds(60), new Dictionary<string, string>());

    /// <summary><c>srun</c>, from where <see cref="Sbatch"/> is: only asked whether it knows pyxis's options.</summary>
    public string Srun => Path.IsPathRooted(Sbatch) ? Path.Combine(Path.GetDirectoryName(Sbatch)!, "srun") : "srun";

    /// <summary>The four programs in one folder (a cluster's bin folder, or stand-ins).</summary>
    public static SlurmCommands In(string folder) =>
        OnPath with
        {
            Sbatch = Path.Combine(folder, "sbatch"),
            Squeue = Path.Combine(folder, "squeue"),
            Sacct = Path.Combine(folder, "sacct"),
            Scancel = Path.Combine(folder, "scancel"),
        };

    static readonly string[] Scrubbed = ["SBATCH_", "SLURM_", "SQUEUE_", "SACCT_", "SCANCEL_"];

    /// <summary>The environment of every call: this process's, without the variables through which Slurm's clients
    /// take options (a build started inside an allocation would otherwise pass its own job's settings on), except
    /// <c>SLURM_CONF</c>, which says where the cluster is; then <see cref="Variables"/>.</summary>
    internal IReadOnlyDictionary<string, string?> Environment()
    {
        var variables = new Dictionary<string, string?>();
        foreach (DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
        {
            var name = (string)entry.Key;
            if (name != "SLURM_CONF" && Scrubbed.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal)))
                variables[name] = null;
        }
        foreach (var (name, value) in Variables)
            variables[name] = value;
        return variables;
    }
}
