using MaskBench.Model.Catalog;
using MaskBench.Model.Logs;
using MaskBench.Reports;
using MaskBench.Tests.Parsing;

namespace MaskBench.Tests.Reports;

/// <summary>A run record whose result is of another shape or version is no valid result: its row fails naming the file.</summary>
public sealed class RecordSpecs : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("maskbench-records-").FullName;
    readonly RecipeCatalog catalog = RecipeCatalog.Load(Paths.Repository("recipes"));

    public void Dispose() => Directory.Delete(folder, true);

    [Theory]
    [InlineData("{}", "fields are missing (format, status, requested or failures)")]
    [InlineData("""{"status":"failed"}""", "fields are missing (format, status, requested or failures)")]
    [InlineData("VERSION", "it was written by version 1 of the detectron2 parser, this is version 2")]
    [InlineData("STATUS", "its status 'fine' is not one of ok, suspect, failed")]
    [InlineData("NOTHROUGHPUT", "its status 'ok' does not go with its throughput null")]
    [InlineData("FORMAT", "its format 'klingon' is not one this MaskBench knows")]
    public void A_result_of_another_shape_or_version_fails_its_row_naming_the_file(string json, string problem)
    {
        // Arrange: a good result, then the record replaced or edited
        var path = ParsedRecord.Write(catalog.Get("detectron2"), Path.Combine(folder, "detectron2"), new LogOptions("detectron2"));
        var good = Newtonsoft.Json.Linq.JObject.Parse(File.ReadAllText(path));
        var inner = good["result"]!.ToString();
        good["result"] = Newtonsoft.Json.Linq.JToken.Parse(
            json switch
            {
                "VERSION" => inner.Replace("\"parserVersion\": 2", "\"parserVersion\": 1"),
                "STATUS" => inner.Replace("\"status\": \"ok\"", "\"status\": \"fine\""),
                "NOTHROUGHPUT" => System.Text.RegularExpressions.Regex.Replace(inner, "\"throughput\": [0-9.]+", "\"throughput\": null"),
                "FORMAT" => inner.Replace("\"format\": \"detectron2\"", "\"format\": \"klingon\""),
                _ => json,
            }
        );
        File.WriteAllText(path, good.ToString());

        // Act
        var row = Aggregator.FromRecords([catalog.Get("detectron2")], _ => [path], r => r.ImagesPerIteration(8)).Single();

        // Assert
        Assert.Equal(ThroughputResult.Failed, row.Status);
        Assert.Equal($"{path} holds no valid result ({problem}): run Parse-Detectron2 again to rewrite it", row.Reason);
    }
}
