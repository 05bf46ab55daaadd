namespace MaskBench.History.Bisect;

/// <summary>What measuring a commit gave: the throughputs of the runs asked for, or why the commit could not be built.</summary>
internal sealed record ProbeResult(IReadOnlyList<double> Throughputs, string? Unbuildable)
{
    public static ProbeResult Measured(IReadOnlyList<double> throughputs) => new(throughputs, null);

    public static ProbeResult NotBuildable(string reason) => new([], reason);
}
