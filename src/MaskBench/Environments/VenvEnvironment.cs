using MaskBench.Catalog;
using MaskBench.Running;
using Serilog;

namespace MaskBench.Environments;

/// <summary>An existing interpreter or virtual environment (no container). <c>python</c> in a recipe's commands
/// means that interpreter, also for scripts that call <c>python</c> themselves (a shim folder leads PATH).</summary>
public static class VenvEnvironment
{
    public static async Task<PreparedEnvironment> SetupAsync(
        Recipe recipe,
        string sourceDirectory,
        EnvironmentOptions options,
        CancellationToken cancellation = default
    )
    {
        var interpreter = Interpreter(options.Interpreter);
        var host = Host(interpreter, options.StateDirectory);
        if (recipe.Environment.Build.Count > 0)
        {
            Log.Information("Setup-{Id}: building the extensions with {Interpreter}", recipe.TargetSuffix, interpreter);
            var spec = new ProcessSpec(recipe.Environment.Build, sourceDirectory, new Dictionary<string, string>());
            await LoggedCommand.RunAsync($"Setup-{recipe.TargetSuffix}", host.Prepare(spec, "setup"), TimeSpan.FromHours(2), cancellation);
        }
        var (python, packages) = await PythonPackages.ReadAsync(host, sourceDirectory, cancellation);
        var identity = new EnvironmentIdentity("venv", Path.GetFullPath(ResolveLinks(interpreter)), interpreter, python, packages);
        return new PreparedEnvironment(identity, _ => host);
    }

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

    internal static LocalHost Host(string interpreter, string stateDirectory)
    {
        var shims = Path.Combine(
            Path.GetFullPath(stateDirectory),
            "shims",
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(interpreter)))[..12]
        );
        Directory.CreateDirectory(shims);
        foreach (var name in new[] { "python", "python3" })
        {
            var link = Path.Combine(shims, name);
            if (new FileInfo(link).LinkTarget == interpreter)
                continue;
            var temporary = link + ".tmp" + Environment.ProcessId;
            File.Delete(temporary);
            File.CreateSymbolicLink(temporary, interpreter);
            File.Move(temporary, link, overwrite: true);
        }
        var binary = Path.GetDirectoryName(interpreter)!;
        var isVirtual = File.Exists(Path.Combine(binary, "..", "pyvenv.cfg"));
        var prefix = isVirtual ? new[] { shims, binary } : new[] { shims };
        var aliases = new Dictionary<string, string> { ["python"] = interpreter, ["python3"] = interpreter };
        return new LocalHost(new LocalHostOptions(prefix, aliases));
    }

    static string ResolveLinks(string path) => File.ResolveLinkTarget(path, returnFinalTarget: true)?.FullName ?? path;
}
