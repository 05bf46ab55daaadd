namespace MaskBench.Tools.Slurm;

/// <param name="Attempt">1 for the first submission of the run; more after preemptions.</param>
internal sealed record JournalEntry(string RunName, string JobId, string ScriptHash, DateTimeOffset SubmittedAt, int Attempt);
