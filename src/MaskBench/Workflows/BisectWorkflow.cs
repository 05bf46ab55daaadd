namespace MaskBench.Workflows;

/// <summary>
/// <c>.github/workflows/bisect.yml</c>: on demand, finds the first commit of an implementation between a good and a
/// bad commit where training got slower, on the same GPU runner (each run in a concurrency group of its own,
/// <see cref="GpuConcurrency"/>: a queued bisect is never cancelled by another bisect or a weekly run), with the
/// answer in the job summary and the probes, their runs and the chart uploaded.
/// </summary>
/// <param name="Implementations">The implementation ids as target suffixes (<c>Detectron2</c>, <c>Mmdetection</c>, …).</param>
internal sealed record BisectWorkflow(GpuRunner Runner, IReadOnlyList<string> Implementations)
{
    public const string FileName = "bisect.yml";

    public string Render() =>
        $$$"""
            {{{WorkflowSteps.Header}}}
            name: bisect

            on:
              workflow_dispatch:
                inputs:
                  implementation:
                    description: The implementation whose training got slower
                    type: choice
                    required: true
                    options: [{{{string.Join(", ", Implementations)}}}]
                  good:
                    description: A commit that trains at the old speed (full or abbreviated hash)
                    type: string
                    required: true
                  bad:
                    description: A later commit that trains slower
                    type: string
                    required: true
                  repeats:
                    description: Training runs per probed commit
                    type: string
                    default: "3"

            {{{WorkflowSteps.Preamble}}}

            jobs:
              bisect:
                runs-on: {{{Runner.RunsOn}}}
                timeout-minutes: {{{Runner.TimeoutMinutes}}}
            {{{GpuConcurrency.Job("bisect")}}}
                steps:
            {{{WorkflowSteps.Start}}}
                  - name: Bisect
                    env:
                      IMPLEMENTATION: ${{ inputs.implementation }}
                      GOOD: ${{ inputs.good }}
                      BAD: ${{ inputs.bad }}
                      REPEATS: ${{ inputs.repeats }}
                    run: >-
                      ./build.sh "Bisect-$IMPLEMENTATION" --work-dir "$MASKBENCH_WORK"
                      --good "$GOOD" --bad "$BAD" --repeats "${REPEATS:-3}"{{{Runner.Extra}}}
                  - name: The answer in the job summary
                    if: ${{ !cancelled() }}
                    run: |
                      for answer in artifacts/bisect/*.md; do
                        if [ -f "$answer" ]; then cat "$answer" >> "$GITHUB_STEP_SUMMARY"; fi
                      done
                  - uses: actions/upload-artifact@v4
                    if: ${{ !cancelled() }}
                    with:
                      name: bisect-${{ github.run_id }}
                      path: artifacts/
                      if-no-files-found: error

            """;
}
