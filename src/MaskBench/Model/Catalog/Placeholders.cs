using System.Globalization;
using System.Text.RegularExpressions;
using MaskBench.Foundation.Text;

namespace MaskBench.Model.Catalog;

/// <summary>
/// Fills <c>{name}</c> and small integer expressions such as <c>{window_end+1}</c> or
/// <c>{window_end*gpus/8}</c> into recipe arguments. Each argument stays one argument: nothing is
/// ever handed to a shell.
/// </summary>
internal static partial class Placeholders
{
    public static IReadOnlyList<string> Fill(IEnumerable<string> arguments, IReadOnlyDictionary<string, string> values) =>
        arguments.Select(argument => Fill(argument, values)).ToList();

    public static string Fill(string argument, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(argument, match => Evaluate(match.Groups[1].Value, values, argument));

    static string Evaluate(string expression, IReadOnlyDictionary<string, string> values, string argument)
    {
        if (values.TryGetValue(expression, out var plain))
            return plain;
        var tokens = Token().Matches(expression).Select(m => m.Value).ToList();
        if (string.Concat(tokens) != expression.Replace(" ", ""))
            throw new CatalogException(
                $"cannot read the placeholder '{{{expression}}}' in '{argument}': use a name, or names and whole numbers joined by + - * /"
            );
        var position = 0;
        CatalogException Unreadable() =>
            new(
                $"cannot read the placeholder '{{{expression}}}' in '{argument}': use a name, or names and whole numbers joined by + - * /"
            );
        long Operand()
        {
            if (position >= tokens.Count || tokens[position] is "+" or "-" or "*" or "/")
                throw Unreadable();
            var token = tokens[position++];
            if (WholeNumber.TryParse(token, out long number))
                return number;
            if (!values.TryGetValue(token, out var text))
                throw new CatalogException(
                    $"unknown placeholder '{token}' in '{argument}'; known: {string.Join(", ", values.Keys.Order())}"
                );
            if (!WholeNumber.TryParse(text, out long value))
                throw new CatalogException($"placeholder '{token}' = '{text}' is not a whole number, as '{argument}' needs");
            return value;
        }
        long Product()
        {
            var value = Operand();
            while (position < tokens.Count && tokens[position] is "*" or "/")
            {
                var multiply = tokens[position++] == "*";
                var operand = Operand();
                value =
                    multiply ? value * operand
                    : operand != 0 ? value / operand
                    : throw new CatalogException($"the placeholder '{{{expression}}}' in '{argument}' divides by zero");
            }
            return value;
        }
        var sum = Product();
        while (position < tokens.Count && tokens[position] is "+" or "-")
            sum = tokens[position++] == "+" ? sum + Product() : sum - Product();
        if (position != tokens.Count)
            throw Unreadable();
        return sum.ToString(CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"\{([A-Za-z0-9_+\-*/ ]+)\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"[A-Za-z_][A-Za-z0-9_]*|\d+|[+\-*/]")]
    private static partial Regex Token();
}
