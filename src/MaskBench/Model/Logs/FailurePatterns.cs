using System.Text.RegularExpressions;
using MaskBench.Model.Catalog;

namespace MaskBench.Model.Logs;

/// <summary>The failure signatures every training can show, shared by the live runner and the parser. Anchored
/// or specific on purpose: TensorFlow's allocator warns "ran out of memory trying to allocate ... this is not a
/// failure", and optional libraries print "No such file or directory" when they are absent.</summary>
static class FailurePatterns
{
    public static IReadOnlyList<FailureSpec> Generic { get; } =
    [
        new(
            "oom",
            @"CUDA out of memory|CUDA error: out of memory|cudaMalloc failed: out of memory|OOM when allocating tensor|ResourceExhaustedError|std::bad_alloc|\[enforce fail at [^\]]*\].*out of memory|^\s*MemoryError\b"
        ),
        new(
            "nan",
            @"(?i)\b[\w/]*(loss|cost)\w*""?(\s*[:=]\s*|\s+)""?[-+]?(nan|inf(inity)?)\b|Loss became infinite or NaN|Loss is NaN|\bTrain-\w+=(nan|inf)\b|\b(Rpn|Rcnn)\w+=(nan|inf)\b"
        ),
        new(
            "data",
            @"^\s*(\w+\.)*FileNotFoundError\b|No such file or directory: '[^']*(coco|annotations|train20|val20|roidb|datasets/)|Dataset not available|is not a directory!"
        ),
        new("import", @"^\s*(\w+\.)*(ModuleNotFoundError|ImportError)\b"),
    ];

    /// <summary>The runner's own: the program could not be started at all.</summary>
    public static FailureSpec Start { get; } =
        new("start", @"^setsid: failed to execute|executable file not found in \$PATH|exec: .*: not found");

    public static Regex Compile(FailureSpec spec) => new(spec.Pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>A pattern that takes too long on a line does not match it.</summary>
    public static bool IsMatch(Regex pattern, string text)
    {
        try
        {
            return pattern.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }
}
