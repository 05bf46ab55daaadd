namespace MaskBench.Slurm;

/// <param name="Attempt">1 for the first submission of the run; more after preemptions.</param>
public sealed record JournalEntry(string RunName, string JobId, string ScriptHash, DateTimeOffset SubmittedAt, int Attempt);
