using MaskBench.Engine;
using MaskBench.Tools.Processes;
using Serilog;

namespace MaskBench.Development;

/// <summary>What the tests need (Debian packages, podman's test image, npm tools, the local Slurm), through the one
/// installer, <c>scripts/install-test-deps.sh</c>, which also serves machines and CI runners without .NET.</summary>
internal sealed class TestDependencies(string root, CancellationToken cancellation)
{
    static readonly string[] Installer = ["bash", "scripts/install-test-deps.sh"];

    /// <summary>Nothing missing: one line. Missing, as root: the installer, one line per thing and its time. Missing,
    /// otherwise: the one command to run, before any test.</summary>
    public async Task EnsureAsync()
    {
        var check = await ProcessRunner.RunAsync(
            new ProcessSpec([.. Installer, "--check"], root, new Dictionary<string, string>()),
            new ProcessOptions { What = "scripts/install-test-deps.sh --check", Timeout = TimeSpan.FromMinutes(2) },
            cancellation
        );
        if (check.ExitCode == 0)
        {
            Log.Information("What the tests need is installed (scripts/install-test-deps.sh --check)");
            return;
        }
        if (check.ExitCode != 3)
            check.EnsureSuccess();
        var missing = string.Join("; ", check.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        if (!Environment.IsPrivilegedProcess)
            throw new BuildException(
                $"the tests need {missing}, and installing them takes root (so do podman's test image and the local Slurm): "
                    + "run sudo env \"PATH=$PATH\" ./build.sh Test"
            );
        Log.Information("The tests need {Missing}: installing (this build runs as root)", missing);
        var install = await ProcessRunner.RunAsync(
            new ProcessSpec(Installer, root, new Dictionary<string, string>()),
            new ProcessOptions
            {
                What = "scripts/install-test-deps.sh",
                Timeout = TimeSpan.FromMinutes(40),
                LogLines = true,
                ProgressEvery = TimeSpan.FromMinutes(1),
            },
            cancellation
        );
        var said = install.StandardError.Trim();
        if (!install.Ok)
            throw new BuildException(said.Length > 0 ? said.Split('\n')[^1] : install.Message);
    }
}
