namespace MaskBench.Workflows;

/// <summary>
/// <c>.github/workflows/benchmark.yml</c>: the benchmark on a self-hosted GPU runner — on demand with inputs, on a
/// schedule, and on pull requests when labelled <see cref="PullRequestLabel"/> and on each later push to them (never
/// from forks) — compared with the rolling baseline from the <see cref="DataBranch"/> history, the tables in the job
/// summary, the artifacts uploaded, <c>compare.md</c> as one pull-request comment (<see cref="PullRequestComment"/>),
/// the new history files pushed to the data branch by a job that alone may write, and the report over time from
/// them deployed to GitHub Pages (<see cref="HistoryPages"/>). Its runs never cancel each
/// other's queued GPU job (<see cref="GpuConcurrency"/>).
/// </summary>
internal sealed record BenchmarkWorkflow(GpuRunner Runner, string Schedule, string PullRequestLabel, string DataBranch, int BaselineRuns)
{
    public const string FileName = "benchmark.yml";

    public string Render() =>
        $$$"""
            {{{WorkflowSteps.Header}}}
            name: benchmark

            on:
              workflow_dispatch:
                inputs:
                  implementations:
                    description: Implementations to measure, by id, comma-separated (empty for all)
                    type: string
                    default: ""
                  repeats:
                    description: Training runs per implementation
                    type: string
                    default: "3"
                  stack:
                    description: Stack overrides, key=value separated by spaces (e.g. cuda=11.8)
                    type: string
                    default: ""
              schedule:
                - cron: "{{{Schedule}}}"
              pull_request:
                types: [labeled, synchronize]

            {{{WorkflowSteps.Preamble}}}
              DATA_BRANCH: {{{DataBranch}}}

            jobs:
              benchmark:
                if: >-
                  github.event_name != 'pull_request' ||
                  (github.event.pull_request.head.repo.full_name == github.repository &&
                  (github.event.action == 'labeled' && github.event.label.name == '{{{PullRequestLabel}}}' ||
                  github.event.action == 'synchronize' && contains(github.event.pull_request.labels.*.name, '{{{PullRequestLabel}}}')))
                runs-on: {{{Runner.RunsOn}}}
                timeout-minutes: {{{Runner.TimeoutMinutes}}}
            {{{GpuConcurrency.Job("benchmark")}}}
                steps:
            {{{WorkflowSteps.Start}}}
            {{{WorkflowSteps.BringHistory}}}
                  - name: Benchmark
                    env:
                      IMPLEMENTATIONS: ${{ inputs.implementations }}
                      REPEATS: ${{ inputs.repeats }}
                      STACK: ${{ inputs.stack }}
                    run: >-
                      ./build.sh Benchmark --work-dir "$MASKBENCH_WORK" --history artifacts/history
                      --repeats "${REPEATS:-3}" ${IMPLEMENTATIONS:+--implementations "$IMPLEMENTATIONS"}
                      ${STACK:+--stack $STACK}{{{Runner.Extra}}}
                  - name: Compare with the rolling baseline
                    if: ${{ !cancelled() }}
                    run: |
                      status=0
                      ./build.sh Compare --work-dir "$MASKBENCH_WORK" --history artifacts/history --baseline-runs {{{BaselineRuns}}} || status=$?
                      if [ "$status" -eq 6 ]; then echo "::notice::no baseline yet: nothing compared (exit 6)"; exit 0; fi
                      exit "$status"
                  - name: Tables in the job summary
                    if: ${{ !cancelled() }}
                    run: |
                      for table in artifacts/compare.md artifacts/benchmark.md; do
                        if [ -f "$table" ]; then cat "$table" >> "$GITHUB_STEP_SUMMARY"; fi
                      done
                  - uses: actions/upload-artifact@v4
                    if: ${{ !cancelled() }}
                    with:
                      name: benchmark-${{ github.run_id }}
                      path: artifacts/
                      if-no-files-found: error

            {{{PullRequestComment.Job("benchmark")}}}

              publish-history:
                needs: benchmark
                if: ${{ !cancelled() && github.event_name != 'pull_request' }}
                runs-on: ubuntu-latest
                permissions:
                  contents: write
                steps:
                  - uses: actions/checkout@v4
                    with:
                      fetch-depth: 0
                  - uses: actions/download-artifact@v4
                    with:
                      name: benchmark-${{ github.run_id }}
                      path: artifacts
                  - name: Push the new history files to {{{DataBranch}}}
                    run: |
            {{{HistoryPublisher.Indented(10)}}}

            {{{HistoryPages.Job("publish-history", BaselineRuns)}}}

            """;
}
