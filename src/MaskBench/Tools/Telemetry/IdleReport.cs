namespace MaskBench.Tools.Telemetry;

/// <summary>Whether the GPUs a training will use are free.</summary>
/// <param name="Idle">True when free, false when held or busy (see <see cref="Problem"/>), null when there is nothing
/// to check (no nvidia-smi: no NVIDIA GPU on this machine).</param>
/// <param name="Problem">One line naming the GPU, what holds it and the fix; null when idle.</param>
/// <param name="Checked">The indices of the GPUs checked.</param>
internal sealed record IdleReport(bool? Idle, string? Problem, IReadOnlyList<int> Checked);
