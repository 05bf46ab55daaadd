using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Newtonsoft.Json.Serialization;

namespace MaskBench.History;

/// <summary>The one JSON form of everything under History: camelCase, indented, dates with their offset.</summary>
static class HistoryJson
{
    public static readonly JsonSerializerSettings Settings = new()
    {
        ContractResolver = new DefaultContractResolver { NamingStrategy = new CamelCaseNamingStrategy() },
        Formatting = Formatting.Indented,
        NullValueHandling = NullValueHandling.Include,
        DateParseHandling = DateParseHandling.DateTimeOffset,
        MissingMemberHandling = MissingMemberHandling.Ignore,
        Converters = [new StringEnumConverter(new CamelCaseNamingStrategy())],
    };

    public static string Write<T>(T value) => JsonConvert.SerializeObject(value, Settings) + "\n";

    public static T Read<T>(string text) =>
        JsonConvert.DeserializeObject<T>(text, Settings) ?? throw new JsonException("the file is empty");
}
