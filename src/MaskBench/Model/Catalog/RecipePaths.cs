using MaskBench.Foundation.Text;

namespace MaskBench.Model.Catalog;

/// <summary>
/// Confinement of every path a recipe names, checked when it loads: links, the working directory and weight paths stay
/// inside the source tree (or the weights cache), weight names are plain file names, diffs live in
/// <c>patches/&lt;id&gt;/</c> and precise files are globs under the run's output folder that cannot replace what the
/// harness captures. None of them is substituted, so a placeholder in one is refused. These paths are used on the host (even with a container provider), so nothing may reach out.
/// </summary>
static class RecipePaths
{
    const string WeightsPrefix = "{weights}/";

    /// <summary>Files the harness writes in a run folder: <see cref="RunFiles.Harness"/>.</summary>
    public static IReadOnlySet<string> HarnessFiles => RunFiles.Harness;

    public static IEnumerable<string> Problems(Recipe r)
    {
        if (Outside(r.WorkingDirectory) is { } wd)
            yield return $"field 'workingDirectory': '{r.WorkingDirectory}' {wd}; give a folder inside the source tree, relative to it";
        foreach (var (link, target) in r.Data?.Links ?? new Dictionary<string, string>())
        {
            if ((link == "." ? "is the source tree itself" : Outside(link)) is { } why)
                yield return $"field 'data.links' key '{link}' {why}; give a path inside the source tree, relative to it";
            if (Outside(target) is { } to)
                yield return $"field 'data.links' value '{target}' (for '{link}') {to}; give a path inside the COCO folder, relative to it";
        }
        foreach (var (weight, i) in (r.Weights ?? []).Select((w, i) => (w, i)))
        {
            if (weight.Name is null || weight.Name is "" or "." or ".." || weight.Name.IndexOfAny(['/', '\\']) >= 0)
                yield return $"field 'weights[{i}].name': '{weight.Name}' is not a plain file name; give the file's name alone, e.g. R-50.pkl";
            if (WeightPath(weight.Path) is { } why)
                yield return $"field 'weights[{i}].path': '{weight.Path}' {why}; give {WeightsPrefix}<file> or a path inside the source tree, relative to it";
        }
        foreach (var (patch, i) in r.Patches.Select((p, i) => (p, i)))
            if (patch.Kind == "diff" && !string.IsNullOrEmpty(patch.File) && Outside(patch.File) is { } why)
                yield return $"field 'patches[{i}].file': '{patch.File}' {why}; put the diff in patches/{r.Id}/ and give its name relative to that folder";
        if (r.Log?.PreciseFile is { } precise && Precise(precise) is { } problem)
            yield return $"field 'log.preciseFile': '{precise}' {problem}";
        if (r.PatchedTree is { } tree && !RecipeSyntax.IsTree(tree))
            yield return $"field 'patchedTree': '{tree}' is not a tree hash; give the 40 hex digits 'git write-tree' prints after patching, or leave it out";
    }

    /// <summary>Why a relative path would leave the folder it is relative to, or null when it stays inside.</summary>
    static string? Outside(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
            return "is empty";
        if (path.StartsWith('/') || path.StartsWith('~') || path.Contains('\\') || Path.IsPathRooted(path))
            return "is absolute";
        if (Placeholder(path) is { } placeholder)
            return $"names the placeholder {placeholder}, which this field does not substitute";
        if (path.Split('/').Contains(".."))
            return "climbs out with '..'";
        return path.Split('/').FirstOrDefault(p => p is not ("." or "")) == ".git" ? "is inside .git" : null;
    }

    /// <summary>The first <c>{...}</c> in a path (or a lone brace), which would stay literal: these paths are used as
    /// written.</summary>
    static string? Placeholder(string path)
    {
        var open = path.IndexOfAny(['{', '}']);
        if (open < 0)
            return null;
        var close = path.IndexOf('}', open);
        return close > open ? path[open..(close + 1)] : $"'{path[open]}'";
    }

    static string? WeightPath(string? path) =>
        path is not null && path.StartsWith(WeightsPrefix, StringComparison.Ordinal)
            ? Outside(path[WeightsPrefix.Length..]) is { } why
                ? $"leaves the weights cache: the part after {WeightsPrefix} {why}"
                : null
            : path is not null && path.Contains('{')
                ? "uses a placeholder other than a leading {weights}/"
                : Outside(path);

    static string? Precise(string glob)
    {
        if (Outside(glob) is { } why)
            return $"{why}; give a glob under the run's output folder, relative to it, e.g. *.log.json";
        var name = glob.Split('/')[^1];
        return HarnessFiles.FirstOrDefault(file => Glob.Matches(name, file)) is { } captured
            ? $"matches {captured}, which the harness writes; give a glob that names only the implementation's own file"
            : null;
    }
}
