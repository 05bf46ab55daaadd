namespace MaskBench;

/// <summary>
/// The one base of MaskBench's own errors. Its message is a complete, one-line answer for the user (the thing and the
/// fix): the build prints it as <c>error: message</c>, never as a bug with a stack trace. Before any target runs (a
/// parameter, a target name, a preflight check) it exits with code 2; when it ends a target, with
/// <paramref name="exitCode"/> (Compare's 4, 5 and 6 tell scripts the cases apart), or 1 when that is null. Each
/// layer's subclass names where the error came from; the engine knows only this base.
/// </summary>
internal class MaskBenchException(string message, int? exitCode = null) : Exception(message)
{
    public int? ExitCode { get; } = exitCode;
}
