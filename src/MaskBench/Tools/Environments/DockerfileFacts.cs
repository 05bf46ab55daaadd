using System.Text.RegularExpressions;

namespace MaskBench.Tools.Environments;

/// <summary>What a Dockerfile refers to outside itself, read without building it: its <c>ARG</c>s (defaults, with the
/// recipe's values over them), the images it starts <c>FROM</c>, its instructions with arguments substituted.</summary>
sealed partial class DockerfileFacts
{
    public IReadOnlyDictionary<string, string> Arguments { get; }
    public IReadOnlyList<string> Images { get; }
    public IReadOnlyList<string> Instructions { get; }

    DockerfileFacts(IReadOnlyDictionary<string, string> arguments, IReadOnlyList<string> images, IReadOnlyList<string> instructions)
    {
        Arguments = arguments;
        Images = images;
        Instructions = instructions;
    }

    /// <param name="given">Build arguments as Setup passes them (the recipe's stack), over the defaults.</param>
    public static DockerfileFacts Read(string text, IReadOnlyDictionary<string, string> given)
    {
        var arguments = new Dictionary<string, string>(StringComparer.Ordinal);
        var images = new List<string>();
        var instructions = new List<string>();
        foreach (var line in Logical(text))
        {
            if (ArgLine().Match(line) is { Success: true } arg)
            {
                var name = arg.Groups[1].Value;
                arguments[name] = given.TryGetValue(name, out var value) ? value : Substitute(Unquote(arg.Groups[2].Value), arguments);
                continue;
            }
            var substituted = Substitute(line, arguments);
            instructions.Add(substituted);
            if (FromLine().Match(substituted) is { Success: true } from)
                images.Add(from.Groups[1].Value);
        }
        return new DockerfileFacts(arguments, images, instructions);
    }

    /// <summary>Instructions joined across <c>\</c> line ends, comments and blank lines left out.</summary>
    static IEnumerable<string> Logical(string text)
    {
        var current = "";
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (current.Length == 0 && (line.TrimStart().StartsWith('#') || line.Trim().Length == 0))
                continue;
            if (current.Length > 0 && line.TrimStart().StartsWith('#'))
                continue;
            if (line.EndsWith('\\'))
            {
                current += line[..^1] + " ";
                continue;
            }
            yield return (current + line).Trim();
            current = "";
        }
        if (current.Length > 0)
            yield return current.Trim();
    }

    internal static string Unquote(string value) =>
        value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0] ? value[1..^1] : value;

    /// <summary><c>${NAME}</c> and <c>$NAME</c> of known arguments; shell variables stay as they are.</summary>
    public static string Substitute(string text, IReadOnlyDictionary<string, string> arguments) =>
        Variable()
            .Replace(
                text,
                m => arguments.TryGetValue(m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value, out var v) ? v : m.Value
            );

    [GeneratedRegex(@"^ARG\s+([A-Za-z_][A-Za-z0-9_]*)(?:=(.*))?$")]
    private static partial Regex ArgLine();

    [GeneratedRegex(@"^FROM\s+(?:--platform=\S+\s+)?(\S+)", RegexOptions.IgnoreCase)]
    private static partial Regex FromLine();

    [GeneratedRegex(@"\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex Variable();
}
