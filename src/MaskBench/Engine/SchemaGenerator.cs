using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace MaskBench.Engine;

/// <summary><c>.nuke/build.schema.json</c>: the JSON schema of the parameter files, for IDE completion.</summary>
internal static class SchemaGenerator
{
    public static string Generate(TargetGraph graph, IReadOnlyList<BuildParameter> parameters)
    {
        var targets = new JArray(graph.Targets.Select(t => t.Name));
        var properties = new JObject
        {
            ["$schema"] = new JObject { ["type"] = "string" },
            ["Target"] = new JObject
            {
                ["type"] = "array",
                ["description"] = "Targets to run",
                ["items"] = new JObject { ["type"] = "string", ["enum"] = targets },
            },
            ["Skip"] = new JObject
            {
                ["type"] = "array",
                ["description"] = "Targets to skip",
                ["items"] = new JObject { ["type"] = "string", ["enum"] = targets.DeepClone() },
            },
            ["Verbosity"] = new JObject { ["type"] = "string", ["enum"] = new JArray("quiet", "minimal", "normal", "verbose") },
        };
        foreach (var parameter in parameters)
            properties[parameter.Name] = Property(parameter);
        var schema = new JObject
        {
            ["$schema"] = "http://json-schema.org/draft-04/schema#",
            ["title"] = "Build Schema",
            ["type"] = "object",
            ["additionalProperties"] = false,
            ["properties"] = properties,
        };
        return schema.ToString(Formatting.Indented) + "\n";
    }

    static JObject Property(BuildParameter parameter)
    {
        var type = Nullable.GetUnderlyingType(parameter.Type) ?? parameter.Type;
        var property =
            type == typeof(string[])
                ? new JObject
                {
                    ["type"] = "array",
                    ["items"] = new JObject { ["type"] = "string" },
                }
            : type == typeof(int) ? new JObject { ["type"] = "integer" }
            : type == typeof(double) ? new JObject { ["type"] = "number" }
            : type == typeof(bool) ? new JObject { ["type"] = "boolean" }
            : type.IsEnum
                ? new JObject { ["type"] = "string", ["enum"] = new JArray(Enum.GetNames(type).Select(n => Catalog.Naming.KebabCase(n))) }
            : new JObject { ["type"] = "string" };
        property["description"] = parameter.Description;
        return property;
    }
}
