using System.Text.RegularExpressions;
using MaskBench.Foundation.Files;
using MaskBench.Model.Catalog;
using Serilog;

namespace MaskBench.Tools.Environments;

/// <summary>A Python interpreter (no container). Setup never installs into the interpreter it is given: it makes a
/// virtual environment of its own, <c>&lt;state&gt;/envs/&lt;id&gt;</c>, that sees the interpreter's packages
/// (<c>--system-site-packages</c>, and a <c>.pth</c> file for a given virtual environment's own), and runs the
/// recipe's build commands with it. <c>python</c> in a recipe's commands means that environment's interpreter, also
/// for scripts that call <c>python</c> themselves (a shim folder leads PATH).</summary>
internal static partial class VenvEnvironment
{
    public static async Task<PreparedEnvironment> SetupAsync(
        Recipe recipe,
        string sourceDirectory,
        EnvironmentOptions options,
        CancellationToken cancellation = default
    )
    {
        var interpreter = Interpreter(options.Interpreter);
        await EnsurePythonAsync(options.Interpreter!, interpreter, cancellation);
        var venv = await OwnEnvironmentAsync(recipe, interpreter, options.StateDirectory, cancellation);
        var python = Path.Combine(venv, "bin", "python");
        var host = Host(python, options.StateDirectory);
        if (recipe.Environment.Build.Count > 0)
        {
            Log.Information("Setup-{Id}: building the extensions with {Interpreter} (in {Venv})", recipe.TargetSuffix, interpreter, venv);
            var spec = new ProcessSpec(recipe.Environment.Build, sourceDirectory, new Dictionary<string, string>());
            var run = new ProcessOptions
            {
                What = $"Setup-{recipe.TargetSuffix}",
                Timeout = TimeSpan.FromHours(2),
                LogLines = true,
                ProgressEvery = TimeSpan.FromMinutes(1),
            };
            (await ProcessRunner.RunAsync(host, spec, run, cancellation)).EnsureSuccess();
        }
        var (version, packages) = await PythonPackages.ReadAsync(host, sourceDirectory, cancellation);
        var identity = new EnvironmentIdentity("venv", Path.GetFullPath(ResolveLinks(python)), python, version, packages);
        return new PreparedEnvironment(identity, _ => host);
    }

    /// <summary>What Setup depends on in the interpreter named by <c>--python</c>, read from the file system alone (no
    /// process, milliseconds): its real path and the distributions in its package folders. Put it among Setup's
    /// inputs: a package installed or removed there makes Setup stale by itself ("run Setup again" then works).
    /// Setup's own environment is not part of it (Setup writes into that one).</summary>
    public static string CurrentIdentity(string? given) => SiteFolders.Fingerprint(Interpreter(given));

    /// <summary>The interpreter named by a path: a python executable, or a virtual environment's folder.</summary>
    public static string Interpreter(string? given)
    {
        if (string.IsNullOrWhiteSpace(given))
            throw new RunnerException(
                "the venv environment needs an interpreter: pass --python /path/to/python (or a virtual environment's folder)"
            );
        var path = Directory.Exists(given) ? Path.Combine(given, "bin", "python") : given;
        if (!File.Exists(path))
            throw new RunnerException($"--python {given}: there is no {path}; name a python executable or a virtual environment's folder");
        return Path.GetFullPath(path);
    }

    /// <summary>Refuses a program that is not a Python 3 (<c>--python /bin/true</c> exits 0 and prints nothing).</summary>
    static async Task EnsurePythonAsync(string given, string interpreter, CancellationToken cancellation)
    {
        var spec = ProcessSpec.Of(Directory.GetCurrentDirectory(), interpreter, "-c", "import sys; print(sys.version)");
        var result = await ProcessRunner.RunAsync(
            spec,
            new ProcessOptions { What = $"--python {given}", Timeout = TimeSpan.FromMinutes(1) },
            cancellation
        );
        var printed = result.StandardOutput.Split('\n').FirstOrDefault()?.Trim() ?? "";
        if (!result.Ok || !PythonVersion().IsMatch(printed))
            throw new RunnerException(
                $"--python {given}: {interpreter} is not a Python 3 interpreter ("
                    + (
                        result.Ok
                            ? $"'import sys; print(sys.version)' printed '{(printed.Length > 60 ? printed[..60] : printed)}'"
                            : result.Message
                    )
                    + "); name a python3 executable or a virtual environment's folder"
            );
    }

    /// <summary>Makes (or reuses) <c>&lt;state&gt;/envs/&lt;id&gt;</c> over <paramref name="interpreter"/>.</summary>
    static async Task<string> OwnEnvironmentAsync(Recipe recipe, string interpreter, string stateDirectory, CancellationToken cancellation)
    {
        var venv = Path.Combine(Path.GetFullPath(stateDirectory), "envs", recipe.Id);
        var marker = Path.Combine(venv, "maskbench-base.txt");
        var bases = SiteFolders.Of(interpreter);
        var expected = string.Join("\n", [interpreter, .. bases]) + "\n";
        if (File.Exists(marker) && File.ReadAllText(marker) == expected && File.Exists(Path.Combine(venv, "bin", "python")))
            return venv;
        if (Directory.Exists(venv))
            Directory.Delete(venv, recursive: true);
        Log.Information("Setup-{Id}: making a virtual environment in {Venv} over {Interpreter}", recipe.TargetSuffix, venv, interpreter);
        var make = ProcessSpec.Of(
            Directory.GetCurrentDirectory(),
            interpreter,
            "-m",
            "venv",
            "--without-pip",
            "--system-site-packages",
            venv
        );
        (
            await ProcessRunner.RunAsync(
                make,
                new ProcessOptions { What = $"Setup-{recipe.TargetSuffix}: python -m venv", Timeout = TimeSpan.FromMinutes(5) },
                cancellation
            )
        ).EnsureSuccess();
        // A virtual environment made from another one sees only the base interpreter's packages: add the given one's.
        var own = Directory.GetDirectories(Path.Combine(venv, "lib"), "site-packages", SearchOption.AllDirectories).Single();
        AtomicFile.WriteAllText(Path.Combine(own, "_maskbench_base.pth"), string.Join("\n", bases) + "\n");
        AtomicFile.WriteAllText(marker, expected);
        return venv;
    }

    internal static LocalHost Host(string interpreter, string stateDirectory)
    {
        var shims = Path.Combine(Path.GetFullPath(stateDirectory), "shims", Hashing.Text(interpreter)[..12]);
        Directory.CreateDirectory(shims);
        foreach (var name in new[] { "python", "python3" })
        {
            var link = Path.Combine(shims, name);
            if (new FileInfo(link).LinkTarget == interpreter)
                continue;
            AtomicFile.Write(link, temporary => File.CreateSymbolicLink(temporary, interpreter));
        }
        var binary = Path.GetDirectoryName(interpreter)!;
        var isVirtual = File.Exists(Path.Combine(binary, "..", "pyvenv.cfg"));
        var prefix = isVirtual ? new[] { shims, binary } : new[] { shims };
        var aliases = new Dictionary<string, string> { ["python"] = interpreter, ["python3"] = interpreter };
        return new LocalHost(new LocalHostOptions(prefix, aliases));
    }

    static string ResolveLinks(string path) => File.ResolveLinkTarget(path, returnFinalTarget: true)?.FullName ?? path;

    [GeneratedRegex(@"^3\.\d+\.\d+")]
    private static partial Regex PythonVersion();
}
