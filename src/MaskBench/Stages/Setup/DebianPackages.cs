using Serilog;

namespace MaskBench.Stages.Setup;

/// <summary>The Debian packages a recipe needs from Debian's own interpreter: on a fresh machine the smoke run sets itself
/// up (installs them as root), or says the one command that does.</summary>
internal static class DebianPackages
{
    /// <summary>Those of <paramref name="packages"/> that dpkg does not list as installed; none where there is no dpkg.</summary>
    public static async Task<IReadOnlyList<string>> MissingAsync(IReadOnlyList<string> packages, CancellationToken cancellation)
    {
        if (packages.Count == 0 || !File.Exists("/usr/bin/dpkg-query"))
            return [];
        var missing = new List<string>();
        foreach (var package in packages)
        {
            var status = await ProcessRunner.RunAsync(
                "dpkg-query",
                ["-W", "-f=${Status}", package],
                new ProcessOptions { What = "dpkg-query" },
                cancellation
            );
            if (!status.StandardOutput.Contains("install ok installed", StringComparison.Ordinal))
                missing.Add(package);
        }
        return missing;
    }

    /// <param name="privileged">Whether this process may install (root); otherwise the command goes into the message.</param>
    public static async Task EnsureAsync(IReadOnlyList<string> packages, string what, bool privileged, CancellationToken cancellation)
    {
        var missing = await MissingAsync(packages, cancellation);
        if (missing.Count == 0)
            return;
        var list = string.Join(" ", missing);
        if (!privileged)
            throw new ChainException(
                $"{what} needs the Debian packages {list}: run sudo apt-get install -y --no-install-recommends {list}"
            );
        Log.Information("{What}: installing the Debian packages {Packages} (this build runs as root)", what, list);
        var apt = new Dictionary<string, string> { ["DEBIAN_FRONTEND"] = "noninteractive" };
        var options = new ProcessOptions
        {
            What = "apt-get",
            Timeout = TimeSpan.FromMinutes(30),
            LogLines = true,
            ProgressEvery = TimeSpan.FromMinutes(1),
        };
        (await ProcessRunner.RunAsync(new ProcessSpec(["apt-get", "update", "-qq"], "/", apt), options, cancellation)).EnsureSuccess();
        (
            await ProcessRunner.RunAsync(
                new ProcessSpec(["apt-get", "install", "-y", "-qq", "--no-install-recommends", .. missing], "/", apt),
                options,
                cancellation
            )
        ).EnsureSuccess();
    }
}
