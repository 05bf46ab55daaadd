namespace MaskBench.Tools.Slurm;

/// <summary>Bad input or a Slurm command that failed: the message is one line that names the thing and the fix.</summary>
internal sealed class SlurmException(string message) : MaskBenchException(message);
