namespace MaskBench.Tools.Git;

/// <param name="Commit">The full 40-digit hash checked out (an abbreviated pin resolved).</param>
/// <param name="Reused">True when the clone was already at the pin and nothing was fetched.</param>
/// <param name="BytesFetched">Growth of the object store during this call (0 when reused).</param>
/// <param name="Remote">Where the commit came from: the recipe's URL or the mirror path (empty when reused).</param>
/// <param name="Shallow">True when only the pinned commit (no history) was fetched.</param>
internal sealed record CloneResult(string Commit, bool Reused, long BytesFetched, string Remote, bool Shallow);
