namespace MaskBench.Workflows;

/// <summary>
/// The benchmark workflow's <c>comment</c> job: <c>compare.md</c> of the run as one comment on the pull request, found
/// by <see cref="Marker"/> (hidden in the rendered comment) and updated on each later run instead of adding another.
/// It runs on a GitHub-hosted runner with <c>pull-requests: write</c> only, and only when the GPU job ran (not when a
/// label other than the benchmark's skipped it), whether or not the comparison found a regression.
/// </summary>
internal static class PullRequestComment
{
    public const string Marker = "<!-- maskbench-compare -->";

    /// <summary>The comment's script, run with <c>gh</c> (on every GitHub-hosted runner): reads <c>PR</c>,
    /// <c>GITHUB_REPOSITORY</c> and <c>GH_TOKEN</c>, and <c>artifacts/compare.md</c>.</summary>
    public const string Script = $$"""
        if [ ! -f artifacts/compare.md ]; then echo "::notice::no compare.md to comment"; exit 0; fi
        marker='{{Marker}}'
        { echo "$marker"; cat artifacts/compare.md; } > comment.md
        id=$(gh api "repos/$GITHUB_REPOSITORY/issues/$PR/comments" --paginate \
          --jq ".[] | select(.body | startswith(\"$marker\")) | .id" | head -n 1)
        if [ -n "$id" ]; then
          gh api -X PATCH "repos/$GITHUB_REPOSITORY/issues/comments/$id" -F body=@comment.md > /dev/null
          echo "updated comment $id"
        else
          gh api "repos/$GITHUB_REPOSITORY/issues/$PR/comments" -F body=@comment.md > /dev/null
          echo "commented on pull request $PR"
        fi
        """;

    /// <summary>The job, indented under <c>jobs:</c>; <paramref name="gpuJob"/> is the job whose artifact holds compare.md.</summary>
    public static string Job(string gpuJob) =>
        $$$"""
              comment:
                needs: {{{gpuJob}}}
                if: ${{ !cancelled() && github.event_name == 'pull_request' && needs.{{{gpuJob}}}.result != 'skipped' }}
                runs-on: ubuntu-latest
                permissions:
                  pull-requests: write
                steps:
                  - uses: actions/download-artifact@v4
                    with:
                      name: {{{gpuJob}}}-${{ github.run_id }}
                      path: artifacts
                  - name: Comment compare.md on the pull request (one comment, updated on each run)
                    env:
                      GH_TOKEN: ${{ github.token }}
                      PR: ${{ github.event.pull_request.number }}
                    run: |
            {{{WorkflowSteps.Indent(Script, 10)}}}
            """;
}
