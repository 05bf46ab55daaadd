namespace MaskBench.Tools.Slurm;

/// <summary>How often a measurement whose job was preempted or requeued is submitted again fresh (attempts counted,
/// the first included).</summary>
internal sealed record RetryPolicy(int MaxAttempts)
{
    public static RetryPolicy Default { get; } = new(3);
}
