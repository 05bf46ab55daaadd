using MaskBench.Engine;
using Serilog;

namespace MaskBench.Build;

partial class Build
{
    /// <summary>The one installer of what the tests need: it also serves machines and CI runners without .NET.</summary>
    static readonly string[] Installer = ["bash", "scripts/install-test-deps.sh"];

    Target TestSetup =>
        _ =>
            _.Description(
                    "Install what the tests need, as root (scripts/install-test-deps.sh): Debian packages, podman's test image, npm tools"
                )
                .Executes(SetUpTests);

    /// <summary>Nothing missing: one line. Missing, as root: the installer, one line per thing and its time. Missing,
    /// otherwise: the one command to run, before any test.</summary>
    async Task SetUpTests()
    {
        var check = await ProcessRunner.RunAsync(
            new ProcessSpec([.. Installer, "--check"], RootDirectory, new Dictionary<string, string>()),
            new ProcessOptions { What = "scripts/install-test-deps.sh --check", Timeout = TimeSpan.FromMinutes(2) },
            Cancellation
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
            new ProcessSpec(Installer, RootDirectory, new Dictionary<string, string>()),
            new ProcessOptions
            {
                What = "scripts/install-test-deps.sh",
                Timeout = TimeSpan.FromMinutes(40),
                LogLines = true,
                ProgressEvery = TimeSpan.FromMinutes(1),
            },
            Cancellation
        );
        var said = install.StandardError.Trim();
        if (!install.Ok)
            throw new BuildException(said.Length > 0 ? said.Split('\n')[^1] : install.Message);
    }
}
