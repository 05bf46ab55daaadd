namespace MaskBench.Workflows;

/// <summary>
/// <c>.github/workflows/benchmark.yml</c>: the benchmark on a self-hosted GPU runner — on demand with inputs, on a
/// schedule, and on pull requests that carry <see cref="PullRequestLabel"/> (never from forks) — compared with the
/// rolling baseline from the <see cref="DataBranch"/> history, the tables in the job summary, the artifacts uploaded,
/// <c>compare.md</c> as one pull-request comment (created, then updated), and the new history files pushed to the
/// data branch by a job that alone may write.
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

            {{{WorkflowSteps.Preamble(Runner, "benchmark")}}}
              DATA_BRANCH: {{{DataBranch}}}

            jobs:
              benchmark:
                if: >-
                  github.event_name != 'pull_request' ||
                  (contains(github.event.pull_request.labels.*.name, '{{{PullRequestLabel}}}') &&
                  github.event.pull_request.head.repo.full_name == github.repository)
                runs-on: {{{Runner.RunsOn}}}
                timeout-minutes: {{{Runner.TimeoutMinutes}}}
                steps:
            {{{WorkflowSteps.Start}}}
                  - name: Bring the history from the {{{DataBranch}}} branch
                    run: |
                      mkdir -p artifacts/history
                      if git fetch --no-tags --depth=1 origin "refs/heads/$DATA_BRANCH"; then
                        git archive FETCH_HEAD history | tar -x -C artifacts
                      fi
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

              comment:
                needs: benchmark
                if: ${{ !cancelled() && github.event_name == 'pull_request' }}
                runs-on: ubuntu-latest
                permissions:
                  pull-requests: write
                steps:
                  - uses: actions/download-artifact@v4
                    with:
                      name: benchmark-${{ github.run_id }}
                      path: artifacts
                  - name: Comment compare.md on the pull request (one comment, updated on each run)
                    env:
                      GH_TOKEN: ${{ github.token }}
                      PR: ${{ github.event.pull_request.number }}
                    run: |
                      if [ ! -f artifacts/compare.md ]; then echo "::notice::no compare.md to comment"; exit 0; fi
                      marker='<!-- maskbench-compare -->'
                      { echo "$marker"; cat artifacts/compare.md; } > comment.md
                      id=$(gh api "repos/$GITHUB_REPOSITORY/issues/$PR/comments" --paginate \
                        --jq ".[] | select(.body | startswith(\"$marker\")) | .id" | head -n 1)
                      if [ -n "$id" ]; then
                        gh api -X PATCH "repos/$GITHUB_REPOSITORY/issues/comments/$id" -F body=@comment.md > /dev/null
                      else
                        gh api "repos/$GITHUB_REPOSITORY/issues/$PR/comments" -F body=@comment.md > /dev/null
                      fi

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

            """;
}
