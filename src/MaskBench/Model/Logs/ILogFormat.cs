using MaskBench.Model.Catalog;

namespace MaskBench.Model.Logs;

/// <summary>One implementation's log format: reads its timing and measures a window.</summary>
internal interface ILogFormat
{
    string Id { get; }

    /// <summary>Bumped whenever parsing changes; part of the Parse target's stamp.</summary>
    int Version { get; }

    /// <summary>A live reader, fed line by line while training runs.</summary>
    ILogWatcher Watch(Window window, int imagesPerIteration);

    /// <summary>Reads a finished run's folder. Never throws for a bad log: the result says what is wrong. A cancelled
    /// <paramref name="cancellation"/> ends the read between two blocks of the file (OperationCanceledException).</summary>
    ThroughputResult Parse(
        RunFolder run,
        Window window,
        int imagesPerIteration,
        IReadOnlyList<FailureSpec> failures,
        CancellationToken cancellation = default
    );
}
