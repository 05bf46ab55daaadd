namespace MaskBench.Chain;

/// <summary>Where trainings run: on this machine, or as Slurm batch jobs.</summary>
public enum ExecutorKind
{
    Local,
    Slurm,
}
