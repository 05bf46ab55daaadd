using MaskBench.Engine;

namespace MaskBench.Benchmark;

/// <summary>Compare's verdict as the build's exit code: 4 a regression, 5 a run that failed, 6 nothing measured.</summary>
internal sealed class CompareFailed(int exitCode, string message) : MaskBenchException(message, exitCode);
