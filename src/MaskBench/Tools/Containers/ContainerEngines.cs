namespace MaskBench.Tools.Containers;

static class ContainerEngines
{
    /// <summary>Podman (rootless or not, CDI for GPUs) rather than docker: a CLI named podman, or a path to one.</summary>
    public static bool IsPodman(string engine) => Path.GetFileName(engine).StartsWith("podman", StringComparison.Ordinal);

    /// <summary>The user running MaskBench as <c>uid:gid</c>, for rootful docker, whose containers run as root and
    /// would leave root-owned outputs; null for podman (rootless maps root to the user) and when that user is root.</summary>
    public static string? InvokingUser(string engine) =>
        IsPodman(engine) || !OperatingSystem.IsLinux() ? null : InvokingUser(File.ReadLines("/proc/self/status"));

    /// <param name="status">The lines of <c>/proc/self/status</c> (its <c>Uid:</c> and <c>Gid:</c>, real id first).</param>
    internal static string? InvokingUser(IEnumerable<string> status)
    {
        var ids = status
            .Where(l => l.StartsWith("Uid:", StringComparison.Ordinal) || l.StartsWith("Gid:", StringComparison.Ordinal))
            .Select(l => l.Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries)[1])
            .ToList();
        return ids is [var uid, var gid] && uid != "0" ? $"{uid}:{gid}" : null;
    }

    /// <summary>The line worth showing from a failed engine call (<c>docker info</c> prints its JSON on stdout even
    /// when the daemon is down): the daemon's own error from stderr, else the last line printed.</summary>
    public static string ErrorLine(ProcessResult result)
    {
        if (!result.Started)
            return result.Message;
        var errors = result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var daemon = errors.FirstOrDefault(l =>
            l.Contains("daemon", StringComparison.OrdinalIgnoreCase)
            || l.Contains("Cannot connect", StringComparison.OrdinalIgnoreCase)
            || l.StartsWith("Error", StringComparison.OrdinalIgnoreCase)
        );
        return daemon ?? errors.LastOrDefault() ?? result.Message;
    }
}
