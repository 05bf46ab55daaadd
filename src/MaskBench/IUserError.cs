namespace MaskBench;

/// <summary>
/// Marks an exception whose message is a complete, one-line answer for the user (bad input, a missing file,
/// a refused setting): the build prints it as <c>error: message</c> and exits with code 2, never as a bug
/// with a stack trace. Domain exceptions implement it; the engine knows no domain type.
/// </summary>
public interface IUserError;
