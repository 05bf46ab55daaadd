using MaskBench.Foundation.Files;

namespace MaskBench.Tools.Environments;

/// <summary>Where an interpreter's packages live, found from the file system alone (no process): a virtual
/// environment's <c>lib/python3.X/site-packages</c>, its base's folders when it includes them
/// (<c>include-system-site-packages = true</c>), and a system interpreter's <c>site-packages</c> and Debian
/// <c>dist-packages</c> folders. Cheap enough for a stamp's inputs.</summary>
static class SiteFolders
{
    public static IReadOnlyList<string> Of(string interpreter)
    {
        var bin = Path.GetDirectoryName(Path.GetFullPath(interpreter))!;
        var config = Path.Combine(bin, "..", "pyvenv.cfg");
        if (!File.Exists(config))
            return System(interpreter);
        var venv = Path.GetFullPath(Path.Combine(bin, ".."));
        var settings = File.ReadAllLines(config)
            .Select(l => l.Split('=', 2))
            .Where(p => p.Length == 2)
            .GroupBy(p => p[0].Trim())
            .ToDictionary(g => g.Key, g => g.Last()[1].Trim());
        var own = Globbed(venv, "lib", "site-packages").Concat(Globbed(venv, "lib64", "site-packages"));
        if (settings.GetValueOrDefault("include-system-site-packages") != "true" || settings.GetValueOrDefault("home") is not { } home)
            return own.Distinct().ToList();
        return own.Concat(System(Path.Combine(home, "python3"))).Distinct().ToList();
    }

    /// <summary>One hash of every distribution (<c>*.dist-info</c>, <c>*.egg-info</c>, by folder and name, which hold
    /// the version) in the interpreter's folders, and of the interpreter itself.</summary>
    public static string Fingerprint(string interpreter)
    {
        var real = File.ResolveLinkTarget(interpreter, returnFinalTarget: true)?.FullName ?? Path.GetFullPath(interpreter);
        var lines = new List<string> { real };
        foreach (var folder in Of(interpreter).Where(Directory.Exists))
            lines.AddRange(
                Directory
                    .EnumerateFileSystemEntries(folder)
                    .Select(Path.GetFileName)
                    .Where(n => n!.EndsWith(".dist-info", StringComparison.Ordinal) || n.EndsWith(".egg-info", StringComparison.Ordinal))
                    .Order(StringComparer.Ordinal)
                    .Select(n => $"{folder}/{n}")
            );
        return Hashing.Text(string.Join("\n", lines));
    }

    static IReadOnlyList<string> System(string interpreter)
    {
        var real = File.ResolveLinkTarget(interpreter, returnFinalTarget: true)?.FullName ?? Path.GetFullPath(interpreter);
        var version = Path.GetFileName(real) is var name && name.StartsWith("python3.", StringComparison.Ordinal) ? name[6..] : null;
        var prefix = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(real)!, ".."));
        var folders = new List<string>();
        foreach (var root in new[] { prefix, Path.Combine(prefix, "local") })
        {
            var versions = version is null ? Globbed(root, "lib", "").ToList() : [Path.Combine(root, "lib", version)];
            foreach (var lib in versions)
                folders.AddRange([Path.Combine(lib, "site-packages"), Path.Combine(lib, "dist-packages")]);
            folders.Add(Path.Combine(root, "lib", "python3", "dist-packages"));
        }
        return folders.Where(Directory.Exists).Distinct().ToList();
    }

    /// <summary><c>root/lib/python3*/leaf</c> that exist.</summary>
    static IEnumerable<string> Globbed(string root, string lib, string leaf)
    {
        var folder = Path.Combine(root, lib);
        if (!Directory.Exists(folder))
            return [];
        return Directory
            .GetDirectories(folder, "python3*")
            .Order(StringComparer.Ordinal)
            .Select(d => leaf.Length == 0 ? d : Path.Combine(d, leaf))
            .Where(Directory.Exists);
    }
}
