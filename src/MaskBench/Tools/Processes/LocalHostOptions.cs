namespace MaskBench.Tools.Processes;

/// <param name="PathPrefix">Folders put in front of PATH (a venv's bin, a shim folder with <c>python</c>).</param>
/// <param name="Aliases">A command's first word replaced by a program: <c>python</c> → <c>/usr/bin/python3</c>.</param>
internal sealed record LocalHostOptions(IReadOnlyList<string> PathPrefix, IReadOnlyDictionary<string, string> Aliases)
{
    public static LocalHostOptions None { get; } = new([], new Dictionary<string, string>());
}
