using System.Text.RegularExpressions;
using MaskBench.Model.Catalog;
using MaskBench.Tools.Environments;

namespace MaskBench.Stages.Setup.Check;

/// <summary>Every external reference of a recipe on one stack: its source pin, and from its base and environment
/// Dockerfiles the images, git checkouts (<c>X_REPOSITORY</c> with <c>X_COMMIT</c> or <c>X_TAG</c>), URLs
/// (<c>X_URL</c>, apt repositories <c>X_REPO</c>) and apt pins; the constraints file's pip pins; the weights.</summary>
static partial class RecipeReferences
{
    public static IReadOnlyList<Reference> For(Recipe recipe, CheckOptions options, ImageLock images)
    {
        var id = recipe.Id;
        var references = new List<Reference> { new(id, "git", recipe.Source.Repository, recipe.Source.Pin, recipe.File) };
        var stack = StackSelection.Select(recipe, options.Stack);
        if (!stack.Available)
            return [.. references, new Reference(id, "stack", stack.Name, null, recipe.File) { Note = stack.Unavailable }];
        var python = stack.Environment?.Stack.GetValueOrDefault("python");
        foreach (var b in stack.Base?.Chain() ?? [])
            references.AddRange(
                RootImage.IsRootRecipe(b.Recipe)
                    ? [new Reference(id, "url", ReleaseFile(RootImage.Read(Path.Combine(options.Root, b.Recipe))), null, b.Recipe)]
                    : FromDockerfile(id, options.Root, b.Recipe, b.Arguments ?? new Dictionary<string, string>(), images)
            );
        if (stack.Environment?.Wheels is { } wheels)
            references.AddRange(
                Wheelhouse
                    .Read(Path.Combine(options.Root, wheels))
                    .Select(w => new Reference(id, "git", w.Source.Repository, w.Source.Pin, wheels))
            );
        if (stack.Environment?.Recipe is { } dockerfile)
        {
            var given = stack.Environment.Stack.ToDictionary(s => StackArguments.ArgumentName(s.Key), s => s.Value);
            references.AddRange(FromDockerfile(id, options.Root, dockerfile, given, images));
        }
        if (stack.Constraints is { } constraints)
            references.AddRange(FromConstraints(id, options.Root, constraints, python));
        references.AddRange(
            recipe.Weights.Where(w => w.Url is not null).Select(w => new Reference(id, "url", w.Url!, w.Sha256, recipe.File))
        );
        return references.DistinctBy(r => (r.Kind, r.Name, r.Pin)).ToList();
    }

    static IEnumerable<Reference> FromDockerfile(
        string id,
        string root,
        string dockerfile,
        IReadOnlyDictionary<string, string> given,
        ImageLock images
    )
    {
        var path = Path.Combine(root, dockerfile);
        if (!File.Exists(path))
            return [new Reference(id, "file", dockerfile, null, dockerfile)];
        var facts = DockerfileFacts.Read(File.ReadAllText(path), given);
        var found = new List<Reference>();
        foreach (var image in facts.Images.Where(i => !i.StartsWith("maskbench/", StringComparison.Ordinal)))
        {
            var named = image.Split('@')[0];
            found.Add(new Reference(id, "image", named, image.Contains('@') ? image.Split('@')[1] : images.Digest(named), images.File));
        }
        foreach (var (name, value) in facts.Arguments)
        {
            if (name.EndsWith("_REPOSITORY", StringComparison.Ordinal))
            {
                var prefix = name[..^"REPOSITORY".Length];
                var pin =
                    facts.Arguments.GetValueOrDefault(prefix + "COMMIT")
                    ?? (facts.Arguments.GetValueOrDefault(prefix + "TAG") is { } tag ? $"refs/tags/{tag}" : null);
                found.Add(new Reference(id, "git", value, pin, dockerfile));
            }
            else if (name.EndsWith("_URL", StringComparison.Ordinal) && IsWeb(value))
                found.Add(new Reference(id, "url", value, null, dockerfile));
            else if (name.EndsWith("_REPO", StringComparison.Ordinal) && IsWeb(value))
                found.Add(new Reference(id, "url", value.TrimEnd('/') + "/Release", null, dockerfile));
        }
        foreach (var install in facts.Instructions.Where(i => i.StartsWith("RUN ", StringComparison.Ordinal)).SelectMany(AptInstalls))
            found.AddRange(
                AptPin().Matches(install).Select(m => new Reference(id, "apt", m.Groups[1].Value, m.Groups[2].Value, dockerfile))
            );
        return found;
    }

    /// <summary>The archive's Release file for the root's suite: a file that exists (the mirror's base URL is a folder,
    /// which an archive need not serve), and the one debootstrap reads first.</summary>
    static string ReleaseFile(RootRecipe root) => $"{root.Mirror.TrimEnd('/')}/dists/{root.Suite}/Release";

    /// <summary>The apt-get/apt install commands of a RUN (split at <c>&amp;&amp;</c>, <c>||</c>, <c>;</c> and pipes), so
    /// that <c>name=value</c> elsewhere in the RUN (a Python argument, an environment assignment) is never read as a
    /// package pin.</summary>
    static IEnumerable<string> AptInstalls(string run) => CommandSeparator().Split(run).Where(c => AptInstall().IsMatch(c));

    [GeneratedRegex(@"&&|\|\||;|\|")]
    private static partial Regex CommandSeparator();

    [GeneratedRegex(@"\bapt(-get)?\s+(?:-\S+\s+)*install\b")]
    private static partial Regex AptInstall();

    static IEnumerable<Reference> FromConstraints(string id, string root, string constraints, string? python)
    {
        var path = Path.Combine(root, constraints);
        if (!File.Exists(path))
            return [new Reference(id, "file", constraints, null, constraints)];
        return File.ReadLines(path)
            .Select(l => l.Split('#')[0].Split(';')[0].Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('-'))
            .Select(l => (Line: l, Match: ConstraintLine().Match(l)))
            .Select(c =>
                c.Match.Success
                    ? new Reference(id, "pip", c.Match.Groups[1].Value, c.Match.Groups[2].Value, constraints) { Python = python }
                    : new Reference(id, "pip", c.Line, null, constraints) { Python = python }
            )
            .ToList();
    }

    static bool IsWeb(string value) =>
        value.StartsWith("https://", StringComparison.Ordinal) || value.StartsWith("http://", StringComparison.Ordinal);

    /// <summary>A Debian package pinned in an install line: <c>libcudnn7=7.6.5.32-1+cuda10.1</c>.</summary>
    [GeneratedRegex(@"(?<![=\w-])([a-z0-9][a-z0-9.+-]*)=([0-9][^\s""']*)")]
    private static partial Regex AptPin();

    /// <summary><c>name==version</c>, extras dropped.</summary>
    [GeneratedRegex(@"^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?\s*==\s*(\S+)$")]
    internal static partial Regex ConstraintLine();
}
