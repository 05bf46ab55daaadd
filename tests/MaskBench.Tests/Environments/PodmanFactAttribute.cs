namespace MaskBench.Tests.Environments;

/// <summary>A spec that needs rootful podman and the test image: as root, a machine without them gets them from
/// scripts/install-test-deps.sh (as CI does) before the specs run; otherwise the spec is skipped with the command to run.
/// CI refuses skips (./build.sh Test with CI=true), so there it can only pass or fail.</summary>
public sealed class PodmanFactAttribute : FactAttribute
{
    static readonly Lazy<string?> Missing = new(Install);

    public PodmanFactAttribute()
    {
        if (Missing.Value is { } why)
            Skip = why;
    }

    static bool Present() => File.Exists("/usr/bin/podman") && Podman.ExistsAsync(Podman.TestImage).GetAwaiter().GetResult();

    static string? Install()
    {
        if (Present())
            return null;
        if (!Environment.IsPrivilegedProcess)
            return "podman or the test image is missing: run sudo bash scripts/install-test-deps.sh";
        var result = ProcessRunner
            .RunAsync(
                "/bin/bash",
                [Paths.Repository("scripts", "install-test-deps.sh")],
                new ProcessOptions { Timeout = TimeSpan.FromMinutes(20) }
            )
            .GetAwaiter()
            .GetResult();
        return Present()
            ? null
            : $"scripts/install-test-deps.sh did not make podman and the test image ready: {(result.End == ProcessEnd.Exited ? result.StandardError.Trim() : result.Message)}";
    }
}
