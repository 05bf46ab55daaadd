namespace MaskBench.Tools.Slurm;

/// <summary>
/// What a job's node runs to supervise its training, and what the batch script checks before it does: that the
/// program is there and may be executed, and, for the single-file MaskBench, that it is the very file the submit host
/// placed (its SHA-256) and that the node is of its architecture. A check that fails ends the job at once with exit 3
/// and one line, <c>maskbench: …</c>, naming the program, the node and <see cref="Fix"/>.
/// </summary>
/// <param name="Command">The program and its first arguments (<c>dotnet _build.dll</c>, or the binary).</param>
/// <param name="Sha256">The program file's SHA-256, when the node must run exactly that file.</param>
/// <param name="Architecture">What <c>uname -m</c> must say on the node, when the program is built for one.</param>
internal sealed record NodeProgram(IReadOnlyList<string> Command, string Fix, string? Sha256 = null, string? Architecture = null)
{
    /// <summary>The exit code of a job whose node cannot run the program.</summary>
    public const int CannotRun = 3;

    /// <summary>The prefix of the line a failed check writes to the job's error file.</summary>
    public const string Said = "maskbench: ";

    /// <summary>A build run with <c>./build.sh</c>: its nodes need the .NET runtime.</summary>
    public static NodeProgram Dotnet(string dll) =>
        new(
            ["dotnet", dll],
            "a node without .NET runs the single-file MaskBench: ./build.sh Publish, then run artifacts/bin/maskbench instead of ./build.sh"
        );

    /// <summary>The single-file MaskBench placed in the shared work folder: the nodes need nothing else.</summary>
    public static NodeProgram SingleFile(string placed, string sha256) =>
        new(
            [placed],
            "the work folder must be on a filesystem the x86_64 nodes share and may execute from (not mounted noexec); pass another --work-dir",
            sha256,
            "x86_64"
        );

    /// <summary>The script's lines that check the program before its <c>exec</c>.</summary>
    public IEnumerable<string> CheckLines()
    {
        var program = Command[0];
        var (shown, fix) = (ShellQuote.Quote(program), ShellQuote.Quote(Fix));
        string Refuse(string why, string arguments) =>
            $"{{ printf '{Said}%s {why}: %s\\n' {shown} {arguments}{fix} >&2; exit {CannotRun}; }}";
        yield return program.StartsWith('/')
            ? $"[ -f {shown} ] && [ -x {shown} ] || {Refuse("is missing or may not be executed on node %s (a noexec mount?)", "\"$(hostname)\" ")}"
            : $"command -v {shown} >/dev/null 2>&1 || {Refuse("is not on the PATH of node %s", "\"$(hostname)\" ")}";
        if (Architecture is { } architecture)
            yield return $"[ \"$(uname -m)\" = {ShellQuote.Quote(architecture)} ] || {Refuse($"is built for {architecture}, and node %s is %s", "\"$(hostname)\" \"$(uname -m)\" ")}";
        if (Sha256 is { } sha)
            yield return $"echo {ShellQuote.Quote($"{sha}  {program}")} | sha256sum --check --status || {Refuse("is not the MaskBench the submit host placed (another version, or changed)", "")}";
    }
}
