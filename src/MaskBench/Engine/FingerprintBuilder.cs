using System.Globalization;
using MaskBench.Foundation.Files;
using MaskBench.Foundation.Text;

namespace MaskBench.Engine;

/// <summary>Collects what a target depends on, each under a key that says in words what changed.</summary>
internal sealed class FingerprintBuilder
{
    readonly SortedDictionary<string, string> entries = new(StringComparer.Ordinal);

    public FingerprintBuilder Command(IEnumerable<string> arguments) => Value("command", string.Join(" ", arguments.Select(Quote)));

    public FingerprintBuilder Parameter(string name, object? value) => Value($"parameter {Naming.KebabCase(name)}", Format(value));

    /// <summary>A file's content; a missing file counts as a value too, so creating it makes the target stale.</summary>
    public FingerprintBuilder File(string path) => Value(FileKey + Shown.Path(path), Hashing.FileOrNull(path) ?? "(missing)");

    /// <summary>What the key of an input file starts with; the rest is its path as <see cref="Shown.Path"/> gives it.</summary>
    public const string FileKey = "input file ";

    public FingerprintBuilder Files(string directory, string pattern = "*")
    {
        if (Directory.Exists(directory))
            foreach (var file in Directory.GetFiles(directory, pattern, SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                File(file);
        return this;
    }

    public FingerprintBuilder Value(string key, string value)
    {
        entries[key] = value;
        return this;
    }

    internal IReadOnlyDictionary<string, string> Build() => new SortedDictionary<string, string>(entries, StringComparer.Ordinal);

    static string Format(object? value) =>
        value switch
        {
            null => "(none)",
            string s => s,
            System.Collections.IEnumerable list => string.Join(" ", list.Cast<object?>().Select(Format)),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };

    static string Quote(string argument) =>
        argument.Length > 0 && argument.All(c => !char.IsWhiteSpace(c) && c != '"') ? argument : $"\"{argument}\"";
}
