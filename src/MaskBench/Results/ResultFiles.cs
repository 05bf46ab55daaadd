using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace MaskBench.Results;

/// <summary>How MaskBench writes its JSON records and tables: camelCase, indented, nulls kept.</summary>
public static class ResultFiles
{
    internal static readonly JsonSerializerSettings Settings = new()
    {
        ContractResolver = new DefaultContractResolver { NamingStrategy = new CamelCaseNamingStrategy() },
        Formatting = Formatting.Indented,
        NullValueHandling = NullValueHandling.Include,
        FloatFormatHandling = FloatFormatHandling.Symbol,
        MissingMemberHandling = MissingMemberHandling.Ignore,
    };
}
