using MaskBench.Catalog;
using MaskBench.Parsing;
using Serilog;

namespace MaskBench.Results;

/// <summary>What the <c>Parse-&lt;Id&gt;</c> target does: parse <c>runs/&lt;id&gt;/train.log</c> with the recipe's
/// format and write <c>result.json</c> beside it, saying in the log what was measured or what went wrong.</summary>
public static class RunParser
{
    public static ThroughputResult ParseAndWrite(
        Recipe recipe,
        string runFolder,
        int imagesPerIteration,
        Window? window = null,
        ILogger? log = null
    )
    {
        log ??= Log.Logger;
        var run = new RunFolder(runFolder);
        var result = LogFormats.Get(recipe.Log.Format).Parse(run, window ?? Window.Page, imagesPerIteration, recipe.Failures);
        ResultFiles.Write(run, result);
        foreach (var failure in result.Failures)
            if (failure.AfterWindow)
                log.Information(
                    "{Implementation}: after the window, line {Line}: {Kind}: {Message}",
                    recipe.Id,
                    failure.Line,
                    failure.Kind,
                    failure.Message
                );
            else
                log.Error("{Implementation}: line {Line}: {Kind}: {Message}", recipe.Id, failure.Line, failure.Kind, failure.Message);
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
