using System.Text;
using System.Text.RegularExpressions;
using MaskBench.Tools.Telemetry;

namespace MaskBench.History;

/// <summary>
/// A machine identity that does not flap: GPU model and count and the driver's major version
/// (<c>8xTesla-V100-SXM2-16GB-drv535</c>), or <c>cpu-&lt;cores&gt;x-&lt;model&gt;</c> without GPUs. Host names, clocks
/// and minor driver versions are left out on purpose: they change without the speed changing.
/// </summary>
internal static partial class MachineKey
{
    /// <summary>The key of a machine with GPUs; mixed models are joined with <c>+</c> in sorted order.</summary>
    public static string Gpu(IReadOnlyList<string> models, int count, string driver)
    {
        if (count <= 0 || models.Count == 0)
            throw new ArgumentException("a GPU machine key needs at least one GPU model and a count above 0");
        var names = string.Join("+", models.Select(Slug).Distinct().Order(StringComparer.Ordinal));
        var major = driver.Split('.')[0].Trim();
        if (!Digits().IsMatch(major))
            throw new ArgumentException($"the driver version '{driver}' does not start with a major number (e.g. 535.104.05)");
        return $"{count}x{names}-drv{major}";
    }

    /// <summary>
    /// The key of the machine a run used: from the GPUs the run saw (the manifest's <see cref="GpuFacts"/>), or from this
    /// machine's cores and CPU model (<c>/proc/cpuinfo</c>) when it used none.
    /// </summary>
    public static string Of(GpuFacts? gpus) =>
        gpus is { Count: > 0 } g
            ? Gpu(g.Models, g.Count, g.Driver is { Length: > 0 } d ? d : "0")
            : Cpu(Environment.ProcessorCount, CpuModel());

    static string CpuModel()
    {
        const string cpuinfo = "/proc/cpuinfo";
        var line = File.Exists(cpuinfo) ? File.ReadLines(cpuinfo).FirstOrDefault(l => l.StartsWith("model name")) : null;
        return line?.Split(':', 2)[1].Trim() ?? System.Runtime.InteropServices.RuntimeInformation.OSArchitecture.ToString();
    }

    /// <summary>The key of a machine without GPUs: the core count and the CPU model.</summary>
    public static string Cpu(int cores, string model) => $"cpu-{cores}x-{Slug(model)}";

    /// <summary>Drops vendor prefixes and trademark marks and joins the words with hyphens: <c>Tesla-V100-SXM2-16GB</c>.</summary>
    static string Slug(string name)
    {
        var text = Trademarks().Replace(name, " ");
        text = Vendor().Replace(text.Trim(), "");
        var slug = new StringBuilder();
        foreach (var c in text)
            slug.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' ? c : '-');
        var joined = Hyphens().Replace(slug.ToString(), "-").Trim('-');
        return joined.Length == 0 ? "unknown" : joined;
    }

    [GeneratedRegex(@"\((R|TM)\)|®|™", RegexOptions.IgnoreCase)]
    private static partial Regex Trademarks();

    [GeneratedRegex(@"^(NVIDIA|AMD)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex Vendor();

    [GeneratedRegex("-{2,}")]
    private static partial Regex Hyphens();

    [GeneratedRegex("^[0-9]+$")]
    private static partial Regex Digits();
}
