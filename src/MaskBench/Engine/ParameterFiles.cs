using MaskBench.Foundation.Files;
using MaskBench.Foundation.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace MaskBench.Engine;

/// <summary><c>.nuke/parameters.json</c> and the profiles <c>.nuke/parameters.&lt;name&gt;.json</c>; later files win.</summary>
internal sealed record ParameterFiles(IReadOnlyDictionary<string, (JToken Value, string Where, string Name)> Values)
{
    public static ParameterFiles Load(string nukeDirectory, IReadOnlyList<string> profiles)
    {
        var values = new Dictionary<string, (JToken, string, string)>(StringComparer.Ordinal);
        var files = new List<string> { Path.Combine(nukeDirectory, "parameters.json") };
        foreach (var profile in profiles)
        {
            var file = Path.Combine(nukeDirectory, $"parameters.{profile}.json");
            if (!File.Exists(file))
            {
                var known = Directory
                    .GetFiles(nukeDirectory, "parameters.*.json")
                    .Select(f => Path.GetFileName(f)["parameters.".Length..^".json".Length]);
                throw new BuildException(
                    $"unknown profile '{profile}': there is no {Shown.Path(file)}{Suggest.Nearest(profile, known).Format()}"
                );
            }
            files.Add(file);
        }
        foreach (var file in files.Where(File.Exists))
        foreach (var (name, value, line) in Read(file))
            values[CommandLine.Normalize(name)] = (value, $"{Shown.Path(file)}:{line}", name);
        return new(values);
    }

    static IEnumerable<(string Name, JToken Value, int Line)> Read(string file)
    {
        JObject root;
        try
        {
            using var reader = new JsonTextReader(new StringReader(File.ReadAllText(file)));
            root = JObject.Load(
                reader,
                new JsonLoadSettings
                {
                    LineInfoHandling = LineInfoHandling.Load,
                    DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error,
                }
            );
            while (reader.Read()) { } // anything after the object is an error too
        }
        catch (JsonReaderException e)
        {
            throw new BuildException(
                $"{Shown.Path(file)}:{e.LineNumber}:{e.LinePosition}: malformed JSON: {FirstSentence(e.Message)}; fix the file (it is one JSON object of parameter names and values)"
            );
        }
        foreach (var property in root.Properties().Where(p => p.Name != "$schema"))
            yield return (property.Name, property.Value, ((IJsonLineInfo)property).LineNumber);
    }

    static string FirstSentence(string message) => message.Split(" Path '")[0].Split(", line ")[0].TrimEnd('.');
}
