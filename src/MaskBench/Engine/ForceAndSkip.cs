namespace MaskBench.Engine;

/// <summary><c>--force</c> and <c>--skip</c> together: a target that one names and the other skips cannot both run
/// again and be skipped, so the invocation is refused instead of one of them being dropped without a word.
/// <c>--force</c> with no names (rerun all) beside a named <c>--skip</c> is no contradiction: all but those.</summary>
internal static class ForceAndSkip
{
    /// <param name="forced">The targets <c>--force</c> names.</param>
    /// <param name="skipped">What <c>--skip</c> skips: the targets it names, or with no names every target not invoked.</param>
    /// <param name="skipNamed">Whether <c>--skip</c> named its targets.</param>
    public static void Check(IReadOnlyList<string> forced, IReadOnlySet<string> skipped, bool skipNamed)
    {
        if (forced.FirstOrDefault(skipped.Contains) is not { } both)
            return;
        throw new BuildException(
            skipNamed
                ? $"--force {both} and --skip {both} contradict each other (run it again, and skip it): give {both} to one of them"
                : $"--force {both} contradicts --skip with no names, which skips every target not invoked, {both} included: invoke {both}, or name the targets to skip"
        );
    }
}
