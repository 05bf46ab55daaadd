using MaskBench.Foundation.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace MaskBench.Engine;

/// <summary><c>.nuke/build.schema.json</c>: the JSON schema of the parameter files, for IDE completion. It offers
/// exactly the build's parameters, which is what the binder accepts from those files: the targets to run, the
/// targets to skip and the verbosity are choices of one invocation, given on the command line only.</summary>
internal static class SchemaGenerator
{
    public static string Generate(IReadOnlyList<BuildParameter> parameters)
    {
        var properties = new JObject { ["$schema"] = new JObject { ["type"] = "string" } };
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
                    ["minItems"] = 1,
                }
            : type == typeof(int) ? new JObject { ["type"] = "integer" }
            : type == typeof(double) ? new JObject { ["type"] = "number" }
            : type == typeof(bool) ? new JObject { ["type"] = "boolean" }
            : type == typeof(TimeSpan) ? new JObject { ["type"] = "string", ["pattern"] = @"^([0-9.]+[smhd]|[0-9.:]+:[0-9]{2})$" }
            : type.IsEnum ? new JObject { ["type"] = "string", ["enum"] = new JArray(Enum.GetNames(type).Select(n => Naming.KebabCase(n))) }
            : new JObject { ["type"] = "string" };
        if (parameter.KeyValue is not null)
            property["items"]!["pattern"] = "^[^=]*[^=\\s][^=]*="; // key=value, the key not blank
        if (!double.IsNegativeInfinity(parameter.Minimum))
            property["minimum"] = type == typeof(int) ? (int)parameter.Minimum : parameter.Minimum;
        property["description"] = parameter.Description;
        return property;
    }
}
