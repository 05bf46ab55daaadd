using System.Text.RegularExpressions;

namespace MaskBench.Tools.Environments;

/// <summary>One image a Dockerfile starts <c>FROM</c>, as Setup resolved it.</summary>
/// <param name="Written">The reference as the Dockerfile gives it, build arguments substituted.</param>
/// <param name="From">What the build starts from: <c>image@digest</c> when pinned.</param>
/// <param name="Source"><c>lock</c>, <c>dockerfile</c> (a digest written in the FROM), <c>built …</c>, <c>local …</c>
/// or <see cref="ImageLock.Placeholder"/>.</param>
internal sealed record ResolvedBase(string Written, string From, string Source)
{
    public bool Unpinned => Source == ImageLock.Placeholder;

    public override string ToString() => $"{From} ({Source})";
}

/// <summary>A Dockerfile with every <c>FROM</c> resolved: the text Setup builds, and what it starts from.</summary>
internal sealed record ResolvedDockerfile(string Path, string Text, IReadOnlyList<ResolvedBase> Bases);

/// <summary>Rewrites each <c>FROM</c> of a Dockerfile to what Setup may build on: an image this chain built (a stack's
/// <c>base</c>), a local image (<c>localhost/…</c>), or a public image at the digest <c>environments/base-images.lock</c>
/// pins. A public image the lock does not list is refused; one it lists as UNPINNED builds from its tag and is named.</summary>
internal static partial class BaseResolver
{
    /// <param name="arguments">The build arguments Setup passes (they override the global <c>ARG</c> defaults).</param>
    /// <param name="built">Images built earlier in this chain: their tag → their image id.</param>
    public static ResolvedDockerfile Resolve(
        string path,
        string text,
        IReadOnlyDictionary<string, string> arguments,
        ImageLock locked,
        IReadOnlyDictionary<string, string> built
    )
    {
        var globals = new Dictionary<string, string>(StringComparer.Ordinal);
        var stages = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var bases = new List<ResolvedBase>();
        var seenFrom = false;
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (!seenFrom && GlobalArg().Match(lines[i]) is { Success: true } arg)
            {
                var name = arg.Groups[1].Value;
                globals[name] = arguments.TryGetValue(name, out var given)
                    ? given
                    : DockerfileFacts.Substitute(DockerfileFacts.Unquote(arg.Groups[2].Value), globals);
                continue;
            }
            if (From().Match(lines[i].TrimEnd('\r')) is not { Success: true } from)
                continue;
            seenFrom = true;
            var written = DockerfileFacts.Substitute(from.Groups[3].Value, globals);
            var earlierStage = stages.Contains(written);
            if (from.Groups[5].Success)
                stages.Add(from.Groups[5].Value);
            if (earlierStage || written == "scratch")
                continue;
            var resolved = One(path, written, locked, built);
            bases.Add(resolved);
            lines[i] = $"{from.Groups[1].Value}{from.Groups[2].Value}{resolved.From}{from.Groups[4].Value}";
        }
        return new ResolvedDockerfile(path, string.Join('\n', lines), bases);
    }

    static ResolvedBase One(string path, string written, ImageLock locked, IReadOnlyDictionary<string, string> built)
    {
        if (built.TryGetValue(written, out var id) || built.TryGetValue(Unlocal(written), out id))
            return new ResolvedBase(written, written, $"built {id}");
        var at = written.IndexOf('@', StringComparison.Ordinal);
        var name = at < 0 ? written : written[..at];
        var digest = locked.Digest(name);
        if (at >= 0)
            return digest is null || digest == written[(at + 1)..]
                ? new ResolvedBase(written, written, "dockerfile")
                : throw new RunnerException($"{path}: FROM {written}, but {locked.File} pins {name} at {digest}: correct one of the two");
        if (digest is not null)
            return new ResolvedBase(written, $"{name}@{digest}", "lock");
        if (locked.Lists(name))
            return new ResolvedBase(written, written, ImageLock.Placeholder);
        if (name.StartsWith("localhost/", StringComparison.Ordinal))
            return new ResolvedBase(written, written, "local");
        throw new RunnerException(
            $"{path}: FROM {name} is not in {locked.File}: add the line '{name} <digest>' (./build.sh Check prints the digest its tag has today), or build it as the stack's base"
        );
    }

    /// <summary><c>localhost/maskbench/x:1</c> → <c>maskbench/x:1</c>: podman's name for an image tagged without a registry.</summary>
    static string Unlocal(string image) => image.StartsWith("localhost/", StringComparison.Ordinal) ? image["localhost/".Length..] : image;

    [GeneratedRegex(@"^\s*ARG\s+([A-Za-z_][A-Za-z0-9_]*)(?:=(\S*))?\s*$")]
    private static partial Regex GlobalArg();

    [GeneratedRegex(@"^(\s*FROM\s+)((?:--platform=\S+\s+)?)(\S+)((?:\s+AS\s+(\S+))?\s*)$", RegexOptions.IgnoreCase)]
    private static partial Regex From();
}
