using MaskBench.Model.Catalog;
using MaskBench.Model.Logs;
using MaskBench.Model.Records;
using MaskBench.Tests.Parsing;

namespace MaskBench.Tests.Reports;

/// <summary>A run as Parse leaves it: a generated log in <c>run</c>, parsed over the page's window at 16 images an
/// iteration, and its <c>record.json</c> beside it.</summary>
static class ParsedRecord
{
    /// <returns>The record's path.</returns>
    public static string Write(Recipe recipe, string run, LogOptions log, int repeat = 1)
    {
        _ = new TestRun(log, run);
        var result = RunParser.Parse(recipe, run, 16, Window.Page);
        var path = Path.Combine(run, "record.json");
        RunRecords.Write(
            path,
            new RunRecord(
                RunRecord.CurrentVersion,
                recipe.Id,
                repeat,
                result.Status,
                "Parse",
                null,
                "train.log",
                DateTimeOffset.UnixEpoch,
                result
            )
        );
        return path;
    }
}
