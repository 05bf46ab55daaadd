namespace MaskBench.Workflows;

/// <summary>
/// The self-hosted GPU runner the benchmark workflows run on: its labels, the persistent work folder beside the
/// checkout (clones, environments and stamps survive between runs; <c>actions/checkout</c> cleans only its own
/// folder), and build arguments every run on it needs (e.g. <c>--coco /data/coco --provider podman</c>).
/// </summary>
internal sealed record GpuRunner(IReadOnlyList<string> Labels, IReadOnlyList<string> Arguments, int TimeoutMinutes)
{
    public const string WorkFolder = "${{ github.workspace }}/../maskbench-work";

    public string RunsOn => "[" + string.Join(", ", Labels) + "]";

    /// <summary>The runner's fixed build arguments, one shell word each (they come from the build's declaration, not from users).</summary>
    public string Extra => string.Concat(Arguments.Select(a => " " + Quote(a)));

    static string Quote(string word) =>
        word.All(c => char.IsAsciiLetterOrDigit(c) || "-_./=:,@".Contains(c)) ? word : "'" + word.Replace("'", "'\\''") + "'";
}
