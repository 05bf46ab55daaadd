namespace MaskBench.Workflows;

/// <summary>
/// The benchmark workflow's <c>pages</c> job: after the history was pushed to the data branch, <c>./build.sh
/// HistoryReport</c> charts it all (<c>artifacts/over-time/index.html</c>, the charts inline) on a GitHub-hosted
/// runner, and the folder is deployed to the repository's GitHub Pages. Pull requests publish nothing. Deployments
/// share one group: a newer report (which holds all the older one's runs) may replace a queued one, never a running one.
/// </summary>
internal static class HistoryPages
{
    /// <summary>The folder <c>HistoryReport</c> writes, which is the site.</summary>
    public const string Site = "artifacts/over-time";

    /// <param name="publishJob">The job that pushes the history to the data branch.</param>
    public static string Job(string publishJob, int baselineRuns) =>
        $$$"""
              pages:
                needs: {{{publishJob}}}
                if: ${{ !cancelled() && needs.{{{publishJob}}}.result == 'success' }}
                runs-on: ubuntu-latest
                permissions:
                  contents: read
                  pages: write
                  id-token: write
                environment:
                  name: github-pages
                  url: ${{ steps.deployment.outputs.page_url }}
                concurrency:
                  group: maskbench-pages
                  cancel-in-progress: false
                steps:
            {{{WorkflowSteps.Start}}}
            {{{WorkflowSteps.BringHistory}}}
                  - name: The report over time
                    run: ./build.sh HistoryReport --history artifacts/history --baseline-runs {{{baselineRuns}}}
                  - uses: actions/upload-pages-artifact@v3
                    with:
                      path: {{{Site}}}
                  - id: deployment
                    uses: actions/deploy-pages@v4
            """;
}
