namespace MaskBench.Stages;

/// <summary>Where trainings run: on this machine, or as Slurm batch jobs.</summary>
internal enum ExecutorKind
{
    Local,
    Slurm,
}
