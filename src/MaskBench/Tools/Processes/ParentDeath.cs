namespace MaskBench.Tools.Processes;

/// <summary>Ties a started program to this process's life: <c>setpriv --pdeathsig KILL</c> (util-linux) asks the
/// kernel to kill the program when the thread that started it ends. Without setpriv the program is not tied, and
/// only the live-trainings journal finds it again.</summary>
static class ParentDeath
{
    static readonly Lazy<string?> SetPriv = new(() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/bin")
            .Select(folder => Path.Combine(folder, "setpriv"))
            .FirstOrDefault(File.Exists)
    );

    /// <summary>Put after <c>setsid</c> (which execs without a fork: the pid started is the program's).</summary>
    public static IReadOnlyList<string> Prefix => SetPriv.Value is { } setpriv ? [setpriv, "--pdeathsig", "KILL", "--"] : [];

    public static bool Available => SetPriv.Value is not null;
}
