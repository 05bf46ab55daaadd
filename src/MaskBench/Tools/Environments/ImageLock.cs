namespace MaskBench.Tools.Environments;

/// <summary><c>environments/base-images.lock</c>: one line per base image, <c>&lt;image&gt; &lt;digest&gt;</c>; a digest
/// of <c>UNPINNED</c> (or none) marks an image whose digest nobody has recorded yet.</summary>
internal sealed class ImageLock
{
    public const string Placeholder = "UNPINNED";
    readonly IReadOnlyDictionary<string, string?> digests;

    public string File { get; }

    ImageLock(string file, IReadOnlyDictionary<string, string?> digests)
    {
        File = file;
        this.digests = digests;
    }

    public static ImageLock Read(string file)
    {
        var digests = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (!System.IO.File.Exists(file))
            return new ImageLock(file, digests);
        foreach (var line in System.IO.File.ReadLines(file).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            var cells = line.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            digests[cells[0]] = cells.Length > 1 && cells[1].StartsWith("sha256:", StringComparison.Ordinal) ? cells[1] : null;
        }
        return new ImageLock(file, digests);
    }

    /// <summary>Whether the image is listed at all (pinned or not).</summary>
    public bool Lists(string image) => digests.ContainsKey(image);

    /// <summary>The recorded digest, or null when unpinned or not listed.</summary>
    public string? Digest(string image) => digests.GetValueOrDefault(image);
}
