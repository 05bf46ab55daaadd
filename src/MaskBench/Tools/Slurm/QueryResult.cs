namespace MaskBench.Tools.Slurm;

/// <summary>The answer of one batched query: the jobs it listed (a job it did not list is missing), or why it failed.</summary>
internal sealed record QueryResult(IReadOnlyDictionary<string, JobSnapshot> Jobs, string? Failure)
{
    public bool Ok => Failure is null;

    public static QueryResult Failed(string line) => new(new Dictionary<string, JobSnapshot>(), line);
}
