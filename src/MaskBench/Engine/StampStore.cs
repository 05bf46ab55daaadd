using MaskBench.Files;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace MaskBench.Engine;

/// <summary>A stamp as read from disk: none, a valid one, or a file that is not a stamp of this version (and why).</summary>
internal sealed record StampRead(Stamp? Stamp, string? Problem, string Shown);

/// <summary>One JSON file per target in a folder; each written atomically (temp file, then rename). A file that is
/// not a stamp of this version (truncated, another shape, another version) reads as absent, with the reason.</summary>
internal sealed class StampStore(string directory)
{
    public string Directory { get; } = directory;

    public StampRead Read(string target)
    {
        var path = PathOf(target);
        var shown = Shown.Path(path);
        if (!File.Exists(path))
            return new(null, null, shown);
        try
        {
            var text = File.ReadAllText(path);
            var problem = Check(JToken.Parse(text), target);
            return problem is null ? new(JsonConvert.DeserializeObject<Stamp>(text)!, null, shown) : new(null, problem, shown);
        }
        catch (JsonException e)
        {
            return new(null, e.Message.Split(". Path")[0].TrimEnd('.'), shown);
        }
    }

    public void Write(Stamp stamp) =>
        AtomicFile.WriteAllText(PathOf(stamp.Target), JsonConvert.SerializeObject(stamp, Formatting.Indented));

    public void Delete(string target) => File.Delete(PathOf(target));

    string PathOf(string target) => Path.Combine(Directory, target + ".json");

    /// <summary>Whether the JSON has this version's shape; a message for the first thing that is wrong.</summary>
    static string? Check(JToken json, string target)
    {
        if (json is not JObject stamp)
            return $"it holds {Describe(json)}, not an object";
        var version = stamp["Version"];
        if (version is not null && (version.Type != JTokenType.Integer || (long)version != Stamp.CurrentVersion))
            return $"version {version.ToString(Formatting.None)}; this MaskBench writes version {Stamp.CurrentVersion}";
        if (stamp["Target"] is not { Type: JTokenType.String } name || (string)name! != target)
            return $"Target is {Describe(stamp["Target"])}, not \"{target}\"";
        if (stamp["Inputs"] is not JObject inputs || inputs.Properties().Any(p => p.Value.Type != JTokenType.String))
            return $"Inputs is {Describe(stamp["Inputs"])}, not an object of texts";
        if (
            stamp["Outputs"] is not JObject outputs
            || outputs.Properties().Any(p => p.Value.Type is not (JTokenType.String or JTokenType.Null))
        )
            return $"Outputs is {Describe(stamp["Outputs"])}, not an object of texts";
        if (stamp["Completed"] is not { Type: JTokenType.Date or JTokenType.String })
            return $"Completed is {Describe(stamp["Completed"])}, not a time";
        return null;
    }

    static string Describe(JToken? token) =>
        token switch
        {
            null => "missing",
            { Type: JTokenType.Null } => "null",
            JObject => "an object with other values",
            JArray => "an array",
            _ => token.ToString(Formatting.None) is { Length: <= 30 } text ? text : token.Type.ToString().ToLowerInvariant(),
        };
}
