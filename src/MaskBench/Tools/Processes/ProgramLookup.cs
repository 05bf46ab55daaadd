namespace MaskBench.Tools.Processes;

/// <summary>Finds a program the way exec would (a path, or a name on PATH), so that "not installed" is known
/// before <c>setsid</c> starts and only then fails.</summary>
static class ProgramLookup
{
    /// <returns>Null when found; otherwise why not.</returns>
    public static string? Missing(string program, string workingDirectory, IReadOnlyDictionary<string, string?> variables)
    {
        if (program.Contains('/'))
            return File.Exists(Path.Combine(workingDirectory, program)) ? null : $"there is no {program}";
        var path = variables.TryGetValue("PATH", out var own) && own is not null ? own : Environment.GetEnvironmentVariable("PATH") ?? "";
        var found = path.Split(':', StringSplitOptions.RemoveEmptyEntries).Any(folder => File.Exists(Path.Combine(folder, program)));
        return found ? null : $"{program} is not on PATH";
    }
}
