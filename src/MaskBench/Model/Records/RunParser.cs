using MaskBench.Model.Catalog;
using MaskBench.Model.Logs;
using Serilog;

namespace MaskBench.Model.Records;

/// <summary>What Parse does with a run folder: parse <c>train.log</c> (and any precise file beside it) with the
/// recipe's format, saying in the log what was measured or what went wrong.</summary>
internal static class RunParser
{
    public static ThroughputResult Parse(
        Recipe recipe,
        string runFolder,
        int imagesPerIteration,
        Window window,
        ILogger? log = null,
        CancellationToken cancellation = default
    )
    {
        log ??= Log.Logger;
        var result = LogFormats
            .Get(recipe.Log.Format)
            .Parse(new RunFolder(runFolder), window, imagesPerIteration, recipe.Failures, cancellation);
        foreach (var failure in result.Failures)
            if (failure.AfterWindow)
                log.Information(
                    "{Implementation}: after the window, {At:l}{Kind}: {Message}",
                    recipe.Id,
                    failure.At(),
                    failure.Kind,
                    failure.Message
                );
            else
                log.Error("{Implementation}: {At:l}{Kind}: {Message}", recipe.Id, failure.At(), failure.Kind, failure.Message);
        if (result.Status == ThroughputResult.Ok)
            log.Information(
                "{Implementation}: {Throughput:F2} img/s over iterations {Window} ({Method})",
                recipe.Id,
                result.Throughput,
                result.Measured,
                result.Method
            );
        return result;
    }
}
