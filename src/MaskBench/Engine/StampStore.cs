using MaskBench.Foundation.Files;
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
            return problem is null ? new(JsonFiles.Parse<Stamp>(text), null, shown) : new(null, problem, shown);
        }
        catch (JsonException e)
        {
            return new(null, e.Message.Split(". Path")[0].TrimEnd('.'), shown);
        }
    }

    public void Write(Stamp stamp) => JsonFiles.Write(PathOf(stamp.Target), stamp);

    public void Delete(string target) => File.Delete(PathOf(target));

    string PathOf(string target) => Path.Combine(Directory, target + ".json");

    /// <summary>Whether the JSON has this version's shape; a message for the first thing that is wrong. Names match in
    /// any case: stamps were written PascalCase before <see cref="JsonFiles"/>.</summary>
    static string? Check(JToken json, string target)
    {
        if (json is not JObject file)
            return $"it holds {Describe(json)}, not an object";
        JToken? Field(string name) => file.GetValue(name, StringComparison.OrdinalIgnoreCase);
        var version = Field("version");
        if (version is not null && (version.Type != JTokenType.Integer || (long)version != Stamp.CurrentVersion))
            return $"version {version.ToString(Formatting.None)}; this MaskBench writes version {Stamp.CurrentVersion}";
        if (Field("target") is not { Type: JTokenType.String } name || (string)name! != target)
            return $"target is {Describe(Field("target"))}, not \"{target}\"";
        if (Field("inputs") is not JObject inputs || inputs.Properties().Any(p => p.Value.Type != JTokenType.String))
            return $"inputs is {Describe(Field("inputs"))}, not an object of texts";
        if (
            Field("outputs") is not JObject outputs
            || outputs.Properties().Any(p => p.Value.Type is not (JTokenType.String or JTokenType.Null))
        )
            return $"outputs is {Describe(Field("outputs"))}, not an object of texts";
        if (Field("completed") is not { Type: JTokenType.Date or JTokenType.String })
            return $"completed is {Describe(Field("completed"))}, not a time";
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
