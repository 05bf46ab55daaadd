using System.Text.RegularExpressions;
using MaskBench.Model.Logs;
using Serilog;

namespace MaskBench.Stages.Train;

/// <summary>What the runner knows while a training runs, updated line by line (lines arrive one at a time).</summary>
sealed class LiveState(TrainRequest request)
{
    const int KeptLines = 30;

    /// <summary>The failure kind of a window the log's timings passed without a line on its ends.</summary>
    public const string UnmeasurableWindow = "unmeasurable";

    readonly FailureSignatures signatures = new(request.Failures);
    readonly ProgressReporter progress = new(request.Id, request.Window, request.ImagesPerIteration, request.ProgressInterval);
    readonly Queue<string> last = new();
    readonly EchoLimiter echo = new(request.Id, request.EchoLinesPerSecond);
    bool watcherFailed;

    public int? LastIteration { get; private set; }

    /// <summary>Arrival time of the line that completed the window.</summary>
    public double? WindowCompleteAt { get; private set; }

    /// <summary>The first failure signature, before the window was complete.</summary>
    public MatchedFailure? Failure { get; private set; }

    public IReadOnlyList<string> LastLines
    {
        get
        {
            lock (last)
                return last.ToList();
        }
    }

    /// <summary>Never throws: an exception here would end the pump that reads the training's output.</summary>
    public void OnLine(ArrivedLine line)
    {
        try
        {
            Observe(line);
        }
        catch (Exception e)
        {
            if (!watcherFailed)
                Log.Error(
                    "{Id}: reading a line of the log failed ({Error}); the run goes on, its window may never complete: {Line:l}",
                    request.Id,
                    e.Message,
                    line.Text
                );
            watcherFailed = true;
        }
    }

    /// <summary>Says how many lines were not echoed since the last report (once the training has ended).</summary>
    public void EndEcho() => echo.Report();

    void Observe(ArrivedLine line)
    {
        lock (last)
        {
            last.Enqueue(line.Text);
            if (last.Count > KeptLines)
                last.Dequeue();
        }
        if (request.EchoLines)
            echo.Offer(line);

        var matched = signatures.Match(line);
        if (matched is not null && WindowCompleteAt is null && Failure is null)
        {
            Failure = matched;
            Log.Warning("{Id}: the log shows a failure ({Kind}): {Line:l}", request.Id, matched.Kind, matched.Line);
        }
        if (request.WatchedStream != "both" && request.WatchedStream != line.Stream)
            return;
        Progress seen;
        try
        {
            seen = request.Watcher.Observe(line.Text);
        }
        catch (RegexMatchTimeoutException)
        {
            return; // a line too costly to match is not an iteration line; anything else reaches OnLine's catch
        }
        if (seen.Iteration is { } iteration)
            LastIteration = iteration;
        if (seen.WindowComplete && WindowCompleteAt is null && Failure is null)
            WindowCompleteAt = line.Seconds;
        if (seen.Unmeasurable is { } why && WindowCompleteAt is null && Failure is null)
        {
            Failure = new MatchedFailure(UnmeasurableWindow, why, line.Seconds);
            Log.Warning(
                "{Id}: the window {Window} cannot be measured from this log, so the training stops now: {Why}",
                request.Id,
                request.Window,
                why
            );
        }
        progress.Observe(seen, line.Seconds);
    }
}
