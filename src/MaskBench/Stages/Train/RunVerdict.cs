using MaskBench.Model;

namespace MaskBench.Stages.Train;

/// <summary>Whether a run succeeded, and if not, the one message that says why.</summary>
sealed record RunVerdict(bool Succeeded, string? Kind, string Summary)
{
    public static RunVerdict Judge(TrainRequest request, LiveState state, Trainer.Execution execution)
    {
        if (execution.StartError is { } start)
            return new(false, "start", start);
        if (execution.Leftover)
            return new(
                false,
                "orphans",
                "processes of the training survived SIGKILL and may still hold the GPUs: stop them by hand before the next run"
            );
        if (execution.StopReason == "cancelled")
            return new(false, "cancelled", "the training was cancelled");
        if (state.Failure is { Kind: LiveState.UnmeasurableWindow } unmeasurable)
            return new(false, unmeasurable.Kind, $"the window {request.Window} cannot be measured from this log: {unmeasurable.Line}");
        if (state.Failure is { } failure)
            return new(false, failure.Kind, $"the log shows a failure ({failure.Kind}) at {failure.Seconds:0.0} s: {failure.Line}");
        if (state.WindowCompleteAt is not null)
            return new(true, null, $"the window {request.Window} is complete");
        var reached = state.LastIteration is { } i ? $"iteration {i}" : "no iteration line";
        if (execution.StopReason == "timeout")
            return new(false, "timeout", $"no complete window after {request.Timeout} (--train-timeout); the log reached {reached}");
        if (execution.ExitCode is { } code and not 0)
            return new(false, "exit", $"the training exited with code {code} at {reached}, before the window's end {request.Window.End}");
        return new(
            false,
            "incomplete",
            $"the training ended at {reached}, before the window's end {request.Window.End}"
                + (
                    state.LastIteration is null
                        ? $" (no line of the log was read as an iteration: is the log format right, and does it print on {request.WatchedStream}?)"
                        : ""
                )
        );
    }

    public RunOutcome ToOutcome(TrainRequest request, LiveState state, Trainer.Execution execution, string runDirectory, TimeSpan duration)
    {
        var last = state.LastLines;
        var log = Path.Combine(runDirectory, RunFiles.Log);
        var message = Succeeded
            ? $"{request.Id}: {Summary}; log in {log}"
            : $"{request.Id} failed: {Summary}.\nThe last lines of the log:\n"
                + string.Join("\n", last.TakeLast(15).Select(l => "  " + l))
                + $"\nThe whole log is kept in {log}";
        TimeSpan? stopDelay = execution.WindowAt is { } w && execution.GoneAt is { } g ? TimeSpan.FromSeconds(Math.Max(0, g - w)) : null;
        return new RunOutcome(
            Succeeded,
            runDirectory,
            Kind,
            message,
            state.Failure,
            last,
            execution.ExitCode,
            execution.StopReason,
            state.LastIteration,
            duration,
            stopDelay
        );
    }
}
