using MaskBench.Catalog;
using MaskBench.Parsing;
using MaskBench.Reports;
using MaskBench.Results;
using MaskBench.Tests.Parsing;

namespace MaskBench.Tests.Reports;

/// <summary>A <c>result.json</c> of another shape or version is no valid result: its row fails naming the file.</summary>
public sealed class RecordSpecs : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("maskbench-records-").FullName;
    readonly RecipeCatalog catalog = RecipeCatalog.Load(Paths.Repository("recipes"));

    public void Dispose() => Directory.Delete(folder, true);

    [Theory]
    [InlineData("{}", "fields are missing (format, status, requested or failures)")]
    [InlineData("""{"status":"failed"}""", "fields are missing (format, status, requested or failures)")]
    [InlineData("null", "it is empty")]
    [InlineData("VERSION", "it was written by version 1 of the detectron2 parser, this is version 2")]
    [InlineData("STATUS", "its status 'fine' is not one of ok, suspect, failed")]
    [InlineData("NOTHROUGHPUT", "its status 'ok' does not go with its throughput null")]
    [InlineData("FORMAT", "its format 'klingon' is not one this MaskBench knows")]
    public void A_result_of_another_shape_or_version_fails_its_row_naming_the_file(string json, string problem)
    {
        // Arrange: a good result, then the record replaced or edited
        var run = Path.Combine(folder, "detectron2");
        _ = new TestRun(new LogOptions("detectron2"), run);
        RunParser.ParseAndWrite(catalog.Get("detectron2"), run, 16);
        var path = Path.Combine(run, RunFolder.ResultName);
        var good = File.ReadAllText(path);
        File.WriteAllText(
            path,
            json switch
            {
                "VERSION" => good.Replace("\"parserVersion\": 2", "\"parserVersion\": 1"),
                "STATUS" => good.Replace("\"status\": \"ok\"", "\"status\": \"fine\""),
                "NOTHROUGHPUT" => System.Text.RegularExpressions.Regex.Replace(good, "\"throughput\": [0-9.]+", "\"throughput\": null"),
                "FORMAT" => good.Replace("\"format\": \"detectron2\"", "\"format\": \"klingon\""),
                _ => json,
            }
        );

        // Act
        var row = Aggregator.FromRuns([catalog.Get("detectron2")], folder, r => r.ImagesPerIteration(8)).Single();

        // Assert
        Assert.Equal(ThroughputResult.Failed, row.Status);
        Assert.Equal($"{path} is no valid result ({problem}); rerun the Parse target to rewrite it", row.Reason);
    }
}
