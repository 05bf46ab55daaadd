namespace MaskBench.Tools.Processes;

/// <summary>A token every process of a tree inherits through its environment (<c>MASKBENCH_RUN=&lt;token&gt;</c>),
/// so that a process that left the group and lost its parent (setsid and a double fork: a daemon) is still
/// found in <c>/proc/*/environ</c>, by this run or by a later one.</summary>
internal static class ProcessMark
{
    public const string Variable = "MASKBENCH_RUN";

    /// <param name="name">What the tree is (a run id, a command): kept readable in <c>ps e</c>.</param>
    public static string New(string name) =>
        $"{new string(name.Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.').Take(40).ToArray())}-{Guid.NewGuid():N}";
}
