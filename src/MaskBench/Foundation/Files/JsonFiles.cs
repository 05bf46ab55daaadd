using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Newtonsoft.Json.Serialization;

namespace MaskBench.Foundation.Files;

/// <summary>The one JSON form of every file MaskBench writes and reads back (records, tables, history, stamps, journals,
/// job.json, environment.json, patch-report.json): camelCase names, enums as camelCase names, indented, nulls kept,
/// dates read with their offset, one newline at the end. Reading matches names and enum names in any case, so files in
/// the PascalCase form that versions before this one wrote for stamps, journals and job files still read.</summary>
internal static class JsonFiles
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

    /// <summary>The file's text: <paramref name="value"/> in the one form, with its final newline.</summary>
    public static string Text<T>(T value) => JsonConvert.SerializeObject(value, Settings) + "\n";

    /// <summary>Writes <paramref name="value"/> to <paramref name="path"/> atomically (<see cref="AtomicFile"/>).</summary>
    public static void Write<T>(string path, T value) => AtomicFile.WriteAllText(path, Text(value));

    /// <summary>The value <paramref name="text"/> holds; null when it holds none (<c>null</c>).</summary>
    public static T? ParseOrNull<T>(string text) => JsonConvert.DeserializeObject<T>(text, Settings);

    /// <summary>The value <paramref name="text"/> holds; throws <see cref="JsonException"/> when it holds none.</summary>
    public static T Parse<T>(string text) => ParseOrNull<T>(text) ?? throw new JsonException("the file is empty");

    /// <summary>A value as a stamp input: a text compared with the one an earlier run recorded, so its form is frozen at
    /// Newtonsoft's defaults (names as declared, enums as numbers, one line unless <paramref name="indented"/>); giving it
    /// the file form would make every recorded stamp, probe stamp and bisect journal stale at once.</summary>
    public static string Fingerprint(object? value, bool indented = false) =>
        JsonConvert.SerializeObject(value, indented ? FingerprintIndented : FingerprintCompact);

    static readonly JsonSerializerSettings FingerprintCompact = new();
    static readonly JsonSerializerSettings FingerprintIndented = new() { Formatting = Formatting.Indented };
}
