using System.Globalization;
using System.Text.RegularExpressions;
using MaskBench.Foundation.Text;
using Newtonsoft.Json.Linq;

namespace MaskBench.Engine;

/// <summary>Turns text from the command line, a parameter file or the environment into a parameter's type.</summary>
internal static partial class ParameterValues
{
    public static object? Convert(BuildParameter parameter, IReadOnlyList<string> values, string where)
    {
        var type = Nullable.GetUnderlyingType(parameter.Type) ?? parameter.Type;
        try
        {
            if (type == typeof(string[]))
                return KeyValues(parameter, Items(parameter, values));
            if (type == typeof(bool) && values.Count == 0)
                return true;
            if (values.Count != 1)
                throw new FormatException(values.Count == 0 ? "it needs a value" : $"it takes one value, not {values.Count}");
            var value = One(type, values[0]);
            if (value is int or double && System.Convert.ToDouble(value, CultureInfo.InvariantCulture) < parameter.Minimum)
                throw new Refused($"{values[0]} is too small: give {parameter.Minimum.ToString(CultureInfo.InvariantCulture)} or more");
            return value;
        }
        catch (Refused e)
        {
            throw new BuildException($"parameter --{parameter.Option} ({where}): {e.Message}");
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            // Every FormatException here carries MaskBench's own reason (the parsers' texts never reach the user)
            var reason = e is OverflowException ? "it is too large" : e.Message;
            throw new BuildException(
                $"parameter --{parameter.Option} ({where}): '{string.Join(" ", values)}' is not {Expected(type)}: {reason}"
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

    /// <summary>A list's items: each value is split on whitespace, except that words after a <c>key=value</c>
    /// item in the same value belong to it (<c>--set "extra=--hang-at 30"</c> is one item). A bare word given
    /// as its own value after a <c>key=value</c> one is refused: its value had spaces and was not quoted.</summary>
    static string[] Items(BuildParameter parameter, IReadOnlyList<string> values)
    {
        var items = new List<string>();
        foreach (var value in values)
        {
            var pairStart = -1; // where the key=value item being read began in this value
            foreach (Match word in Words().Matches(value))
            {
                var afterPair = items.Count > 0 && items[^1].Contains('=') && !word.Value.Contains('=');
                if (afterPair && pairStart >= 0)
                    items[^1] = value[pairStart..(word.Index + word.Length)];
                else if (afterPair)
                    throw new Refused(
                        $"'{word.Value}' is not key=value but follows '{items[^1]}': a value with spaces must be quoted as one, e.g. --{parameter.Option} '{items[^1]} {word.Value}'"
                    );
                else
                {
                    items.Add(word.Value);
                    pairStart = word.Value.Contains('=') ? word.Index : -1;
                }
            }
        }
        return items.Count > 0 ? [.. items]
            : values.Count == 0 ? throw new Refused("it needs at least one value; leave the option out for the default")
            : throw new Refused("the list is empty; name at least one value, or leave the option out for the default");
    }

    /// <summary>A <c>key=value</c> list's items, each refused here when it is not one, so the message names where the
    /// value came from like every other parameter's.</summary>
    static string[] KeyValues(BuildParameter parameter, string[] items)
    {
        if (parameter.KeyValue is not { } example)
            return items;
        foreach (var item in items)
        {
            var equals = item.IndexOf('=');
            if (equals < 0 || item[..equals].Trim().Length == 0)
                throw new Refused(
                    $"'{item}' is not key=value, e.g. --{parameter.Option} {example}; a value with spaces must be quoted as one argument (--{parameter.Option} 'key=a b')"
                );
        }
        return items;
    }

    [GeneratedRegex(@"\S+")]
    private static partial Regex Words();

    static object One(Type type, string text)
    {
        if (type == typeof(string))
            return text;
        if (type == typeof(int))
            return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole) ? whole
                : long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
                    ? throw new FormatException($"it is beyond {int.MaxValue}")
                : throw new FormatException("write it in digits, e.g. 8");
        if (type == typeof(double))
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
                ? number
                : throw new FormatException("write it in digits, e.g. 0.5");
        if (type == typeof(bool))
            return bool.TryParse(text, out var flag) ? flag : throw new FormatException("write true or false");
        if (type == typeof(TimeSpan))
            return Duration(text);
        if (type.IsEnum)
            return
                Enum.GetNames(type).FirstOrDefault(n => string.Equals(n, text.Replace("-", ""), StringComparison.OrdinalIgnoreCase))
                    is { } name
                ? Enum.Parse(type, name)
                : throw new FormatException(
                    Suggest.Nearest(text, Enum.GetNames(type).Select(n => Naming.KebabCase(n))) is { Names.Count: > 0 } near
                        ? $"did you mean {string.Join(" or ", near.Names)}?"
                        : "write one of them"
                );
        throw new FormatException($"parameters of type {type.Name} are not supported");
    }

    /// <summary><c>90s</c>, <c>45m</c>, <c>2h</c>, <c>1d</c> or <c>01:30:00</c>; a bare number is refused (it would be days).</summary>
    public static TimeSpan Duration(string text)
    {
        if (text.Length == 0)
            throw new FormatException("it is empty");
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            throw new Refused($"'{text}' has no unit: write {text}s, {text}m or {text}h");
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
        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span)
            ? span
            : throw new FormatException("write a number with a unit (s, m, h, d) or hh:mm:ss");
    }

    public static string Expected(Type type) =>
        type == typeof(int) ? "a whole number"
        : type == typeof(double) ? "a number"
        : type == typeof(bool) ? "true or false"
        : type == typeof(TimeSpan) ? "a duration such as 90s, 45m, 2h or 01:30:00"
        : type.IsEnum ? $"one of {string.Join(", ", Enum.GetNames(type).Select(n => Naming.KebabCase(n)))}"
        : "a text";

    public static string Show(object? value) =>
        value switch
        {
            null => "(none)",
            string[] list => list.Length == 0 ? "(none)" : string.Join(" ", list.Select(Quoted)),
            TimeSpan span => span.ToString(),
            bool b => b ? "true" : "false",
            Enum e => Naming.KebabCase(e.ToString()),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };

    static string Quoted(string item) => item.Any(char.IsWhiteSpace) ? $"'{item}'" : item;

    /// <summary>A value refused with a complete explanation (not "is not a …").</summary>
    sealed class Refused(string message) : FormatException(message);
}
