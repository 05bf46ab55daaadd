using System.Collections;
using System.Reflection;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace MaskBench.Model.Catalog;

/// <summary>Binds parsed JSON to the catalog's immutable records: a record's fields are its constructor's parameters
/// and its <c>init</c> properties, named in camelCase; lists are <see cref="IReadOnlyList{T}"/>, maps
/// <see cref="IReadOnlyDictionary{TKey,TValue}"/> with string keys. A field the record does not have, or a value of
/// the wrong kind, is refused naming the field. (Reading the recipes through <c>JsonConvert</c> cost about 60 ms of
/// every start-up, most of <c>--help</c>: its contract building loads XML, data-set and F# converters it never uses.)</summary>
static class RecordBinder
{
    public static T Bind<T>(JObject json) => (T)Value(json, typeof(T), "")!;

    static object? Value(JToken token, Type type, string field)
    {
        if (token.Type == JTokenType.Null)
            return null; // the loader says which fields are required, with the fix
        var plain = Nullable.GetUnderlyingType(type) ?? type;
        if (plain == typeof(string))
            return token.Type == JTokenType.String ? token.Value<string>() : throw Problem(field, "give a string", token);
        if (plain == typeof(int))
            return token.Type == JTokenType.Integer ? WholeNumber(token, field) : throw Problem(field, "give a whole number", token);
        if (plain == typeof(double))
            return token.Type is JTokenType.Integer or JTokenType.Float
                ? Number(token, field)
                : throw Problem(field, "give a number", token);
        if (plain == typeof(bool))
            return token.Type == JTokenType.Boolean ? token.Value<bool>() : throw Problem(field, "give true or false", token);
        if (Generic(type, typeof(IReadOnlyList<>)) is { } element)
            return List(token as JArray ?? throw Problem(field, "give a list [...]", token), element[0], field);
        if (Generic(type, typeof(IReadOnlyDictionary<,>)) is [var key, var value] && key == typeof(string))
            return Map(token as JObject ?? throw Problem(field, "give an object {...}", token), value, field);
        return Record(token as JObject ?? throw Problem(field, "give an object {...}", token), type, field);
    }

    // JSON.NET reads an integer past 64 bits as a BigInteger, which Value<int>/Value<double> cannot cast.
    static int WholeNumber(JToken token, string field)
    {
        var value = ((JValue)token).Value;
        if (value is long number && number is >= int.MinValue and <= int.MaxValue)
            return (int)number;
        var text = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture);
        throw Problem(
            field,
            text!.StartsWith('-')
                ? $"{text} is too small: give a whole number from {int.MinValue}"
                : $"{text} is too large: give a whole number up to {int.MaxValue}",
            token
        );
    }

    static double Number(JToken token, string field)
    {
        var number = ((JValue)token).Value switch
        {
            System.Numerics.BigInteger big => (double)big,
            var other => Convert.ToDouble(other, System.Globalization.CultureInfo.InvariantCulture),
        };
        return double.IsFinite(number) ? number : throw Problem(field, $"{token} is too large: give a finite number", token);
    }

    static IList List(JArray array, Type element, string field)
    {
        var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
        foreach (var (item, i) in array.Select((item, i) => (item, i)))
            list.Add(Value(item, element, $"{field}[{i}]"));
        return list;
    }

    static IDictionary Map(JObject json, Type value, string field)
    {
        var map = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(typeof(string), value))!;
        foreach (var property in json.Properties())
            map[property.Name] = Value(property.Value, value, Join(field, property.Name));
        return map;
    }

    static object Record(JObject json, Type type, string field)
    {
        var constructor = type.GetConstructors().MaxBy(c => c.GetParameters().Length)!;
        var parameters = constructor.GetParameters();
        var names = parameters.Select(p => Camel(p.Name!)).ToArray();
        var properties = type.GetProperties()
            .Where(p =>
                p.SetMethod is { IsPublic: true } && !p.IsDefined(typeof(JsonIgnoreAttribute)) && !parameters.Any(a => a.Name == p.Name)
            )
            .ToDictionary(p => Camel(p.Name), StringComparer.Ordinal);
        var arguments = parameters.Select(p => p.ParameterType.IsValueType ? Activator.CreateInstance(p.ParameterType) : null).ToArray();
        var initialised = new List<(PropertyInfo Property, object? Value)>();
        foreach (var property in json.Properties())
        {
            var name = Join(field, property.Name);
            if (Array.IndexOf(names, property.Name) is var i and >= 0)
                arguments[i] = Value(property.Value, parameters[i].ParameterType, name);
            else if (properties.TryGetValue(property.Name, out var init))
                initialised.Add((init, Value(property.Value, init.PropertyType, name)));
            else
                throw Problem(
                    name,
                    $"there is no such field; the fields here are {string.Join(", ", names.Concat(properties.Keys))}",
                    property
                );
        }
        var record = constructor.Invoke(arguments);
        foreach (var (property, value) in initialised)
            property.SetValue(record, value);
        return record;
    }

    static Type[]? Generic(Type type, Type definition) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == definition ? type.GetGenericArguments() : null;

    static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    static string Join(string field, string name) => field.Length == 0 ? name : $"{field}.{name}";

    static CatalogException Problem(string field, string fix, JToken token) =>
        new($"field '{field}' (line {((IJsonLineInfo)token).LineNumber}): {fix}");
}
