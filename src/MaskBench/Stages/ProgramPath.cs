namespace MaskBench.Stages;

/// <summary>Where a program named on the command line is.</summary>
internal static class ProgramPath
{
    /// <summary>A program named without a folder (<c>python3</c>) is looked up on PATH, as a shell would; a path is
    /// relative to <paramref name="directory"/>. Not found: the name as given, for the stage that needs it to refuse.</summary>
    public static string Find(string program, string directory) =>
        program.Contains('/')
            ? Path.GetFullPath(program, directory)
            : (Environment.GetEnvironmentVariable("PATH") ?? "")
                .Split(':', StringSplitOptions.RemoveEmptyEntries)
                .Select(d => Path.Combine(d, program))
                .FirstOrDefault(File.Exists)
                ?? program;
}
