using System.Globalization;
using Newtonsoft.Json.Linq;

namespace MaskBench.Engine;

/// <summary>Turns text from the command line, a parameter file or the environment into a parameter's type.</summary>
internal static class ParameterValues
{
    public static object? Convert(BuildParameter parameter, IReadOnlyList<string> values, string where)
    {
        var type = Nullable.GetUnderlyingType(parameter.Type) ?? parameter.Type;
        try
        {
            if (type == typeof(string[]))
                return values.SelectMany(v => v.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToArray();
            if (type == typeof(bool) && values.Count == 0)
                return true;
            if (values.Count != 1)
                throw new FormatException(values.Count == 0 ? "it needs a value" : $"it takes one value, not {values.Count}");
            return One(type, values[0]);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or OverflowException)
        {
            throw new BuildException(
                $"parameter --{parameter.Option} ({where}): '{string.Join(" ", values)}' is not {Expected(type)}: {e.Message}"
            );
        }
    }

    public static object? Convert(BuildParameter parameter, JToken token, string where) =>
        Convert(
            parameter,
            token is JArray array
                ? array.Select(t => t.ToString()).ToList()
                : [token.Type == JTokenType.Boolean ? token.ToString().ToLowerInvariant() : token.ToString()],
            where
        );

    static object One(Type type, string text)
    {
        if (type == typeof(string))
            return text;
        if (type == typeof(int))
            return int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture);
        if (type == typeof(double))
            return double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (type == typeof(bool))
            return bool.Parse(text);
        if (type == typeof(TimeSpan))
            return Duration(text);
        if (type.IsEnum)
            return
                Enum.GetNames(type).FirstOrDefault(n => string.Equals(n, text.Replace("-", ""), StringComparison.OrdinalIgnoreCase))
                    is { } name
                ? Enum.Parse(type, name)
                : throw new FormatException("not one of the choices");
        throw new FormatException($"parameters of type {type.Name} are not supported");
    }

    /// <summary><c>90s</c>, <c>45m</c>, <c>2h</c>, <c>1d</c> or <c>01:30:00</c>.</summary>
    public static TimeSpan Duration(string text)
    {
        if (text.Length == 0)
            throw new FormatException("it is empty");
        var unit = text[^1];
        if (char.IsLetter(unit) && double.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var amount))
            return unit switch
            {
                's' => TimeSpan.FromSeconds(amount),
                'm' => TimeSpan.FromMinutes(amount),
                'h' => TimeSpan.FromHours(amount),
                'd' => TimeSpan.FromDays(amount),
                _ => throw new FormatException($"unknown unit '{unit}'"),
            };
        return TimeSpan.Parse(text, CultureInfo.InvariantCulture);
    }

    public static string Expected(Type type) =>
        type == typeof(int) ? "a whole number"
        : type == typeof(double) ? "a number"
        : type == typeof(bool) ? "true or false"
        : type == typeof(TimeSpan) ? "a duration such as 90s, 45m, 2h or 01:30:00"
        : type.IsEnum ? $"one of {string.Join(", ", Enum.GetNames(type).Select(n => Catalog.Naming.KebabCase(n)))}"
        : "a text";

    public static string Show(object? value) =>
        value switch
        {
            null => "(none)",
            string[] list => list.Length == 0 ? "(none)" : string.Join(" ", list),
            TimeSpan span => span.ToString(),
            bool b => b ? "true" : "false",
            Enum e => Catalog.Naming.KebabCase(e.ToString()),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
}
