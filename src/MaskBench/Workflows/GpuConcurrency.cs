namespace MaskBench.Workflows;

/// <summary>
/// The GPU job's concurrency: GitHub keeps at most one pending run per concurrency group and cancels the older one when
/// another queues, so one group shared by the weekly run, a dispatch, a bisect and the pull requests would let each
/// cancel the others' queued runs. Here every run is a group of its own — the self-hosted runner still takes one job
/// at a time and queues the rest — except a pull request's, whose newer commit replaces its own queued older one.
/// A running GPU job is never cancelled. The group sits on the GPU job, not on the workflow: a run whose job is
/// skipped (a pull request labelled with another label) joins no group, so it cannot evict a queued run either.
/// </summary>
internal static class GpuConcurrency
{
    /// <summary>The group of a run of <paramref name="workflow"/>: its pull request's number, else the run's own id.</summary>
    public static string Group(string workflow) =>
        $"maskbench-gpu-{workflow}-"
        + "${{ github.event_name == 'pull_request' && format('pr-{0}', github.event.pull_request.number) || format('run-{0}', github.run_id) }}";

    /// <summary>The job-level <c>concurrency</c> lines, with the reason as a comment in the generated file.</summary>
    public static string Job(string workflow) =>
        $"""
                # A concurrency group per run (per pull request for pull requests), on the job: GitHub keeps one pending
                # run per group and cancels the older, so a shared group would let a weekly run, a dispatch, a bisect and
                # a pull request cancel each other's queued GPU runs; on the job, a run whose job is skipped joins none.
                # The runner queues the runs; only a pull request's newer commit replaces its own queued older one, and a
                # running job is never cancelled.
                concurrency:
                  group: {Group(workflow)}
                  cancel-in-progress: false
            """;
}
