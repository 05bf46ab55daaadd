using MaskBench.Files;
using MaskBench.Parsing;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace MaskBench.Results;

/// <summary>The build's record that a chain target failed: <c>failure.json</c> in the run folder.</summary>
public sealed record TargetFailure(string Target, string Message);

/// <summary>Reads and writes a run's <c>result.json</c> and <c>failure.json</c> (camelCase, written atomically).</summary>
public static class ResultFiles
{
    public const string FailureName = "failure.json";

    internal static readonly JsonSerializerSettings Settings = new()
    {
        ContractResolver = new DefaultContractResolver { NamingStrategy = new CamelCaseNamingStrategy() },
        Formatting = Formatting.Indented,
        NullValueHandling = NullValueHandling.Include,
        FloatFormatHandling = FloatFormatHandling.Symbol,
    };

    public static void Write(RunFolder run, ThroughputResult result) =>
        AtomicFile.WriteAllText(run.Result, JsonConvert.SerializeObject(result, Settings) + "\n");

    public static ThroughputResult Read(string path)
    {
        try
        {
            var result = JsonConvert.DeserializeObject<ThroughputResult>(File.ReadAllText(path), Settings);
            return ResultShape.Problem(result) is { } problem
                ? throw new InvalidDataException($"{path} is no valid result ({problem}); rerun the Parse target to rewrite it")
                : result!;
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not a result file ({e.Message}); rerun the Parse target to rewrite it", e);
        }
    }

    public static void WriteFailure(string runFolder, TargetFailure failure) =>
        AtomicFile.WriteAllText(Path.Combine(runFolder, FailureName), JsonConvert.SerializeObject(failure, Settings) + "\n");

    public static TargetFailure? ReadFailure(string runFolder)
    {
        var path = Path.Combine(runFolder, FailureName);
        if (!File.Exists(path))
            return null;
        try
        {
            return JsonConvert.DeserializeObject<TargetFailure>(File.ReadAllText(path), Settings)
                ?? new TargetFailure("unknown", $"{path} is empty");
        }
        catch (JsonException e)
        {
            return new TargetFailure("unknown", $"{path} is unreadable: {e.Message}");
        }
    }
}
