namespace MaskBench.Workflows;

/// <summary>A Markdown table a CI run writes, shown under <paramref name="Title"/> in the job summary.</summary>
/// <param name="Path">The table's path from the checkout's root, e.g. <c>artifacts/test-results/summary.md</c>.</param>
internal sealed record CiTable(string Title, string Path);

/// <summary>
/// The CI job's summary step: each table that exists, under its title, appended to <c>$GITHUB_STEP_SUMMARY</c>; one
/// that a failed or skipped step did not write is named as missing instead. It runs whatever failed before it.
/// </summary>
internal static class CiSummary
{
    public static string Script(IReadOnlyList<CiTable> tables) =>
        string.Join(
            "\n",
            tables.Select(t =>
                $"""
                    if [ -f "{t.Path}" ]; then
                      {"{"} echo "### {t.Title}"; echo; cat "{t.Path}"; echo; {"}"} >> "$GITHUB_STEP_SUMMARY"
                    else
                      echo "### {t.Title}: not written ({t.Path} is missing)" >> "$GITHUB_STEP_SUMMARY"
                    fi
                    """
            )
        );
}
