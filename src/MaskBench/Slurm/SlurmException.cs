namespace MaskBench.Slurm;

/// <summary>Bad input or a Slurm command that failed: the message is one line that names the thing and the fix.</summary>
public sealed class SlurmException(string message) : Exception(message), IUserError;
