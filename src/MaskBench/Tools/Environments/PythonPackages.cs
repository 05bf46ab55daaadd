namespace MaskBench.Tools.Environments;

/// <summary>Asks an environment's <c>python</c> for its version and its installed distributions.</summary>
static class PythonPackages
{
    const string Probe = """
        import platform, sys
        print("python " + platform.python_version() + " " + sys.executable)
        try:
            from importlib import metadata
            found = [(d.metadata["Name"], d.version) for d in metadata.distributions()]
        except ImportError:
            import pkg_resources
            found = [(d.project_name, d.version) for d in pkg_resources.working_set]
        for name, version in sorted(set(found), key=lambda p: (str(p[0]).lower(), str(p[1]))):
            print("%s==%s" % (name, version))
        """;

    public static async Task<(string Python, IReadOnlyList<string> Packages)> ReadAsync(
        IExecutionHost host,
        string directory,
        CancellationToken cancellation
    )
    {
        var spec = new ProcessSpec(["python", "-c", Probe], directory, new Dictionary<string, string>());
        var options = new ProcessOptions
        {
            What = $"python in the environment ({host.Description})",
            Name = $"maskbench-packages-{Guid.NewGuid():N}",
            Timeout = TimeSpan.FromMinutes(2),
        };
        var result = await ProcessRunner.RunAsync(host, spec, options, cancellation);
        if (!result.Ok)
            throw new RunnerException($"cannot run python in the environment ({host.Description}): {result.Message}");
        var lines = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var python = lines.FirstOrDefault(l => l.StartsWith("python ", StringComparison.Ordinal))?[7..] ?? "unknown";
        return (python, lines.Where(l => l.Contains("==", StringComparison.Ordinal)).ToList());
    }
}
