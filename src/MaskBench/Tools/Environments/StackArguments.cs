using System.Text.RegularExpressions;
using MaskBench.Model.Catalog;

namespace MaskBench.Tools.Environments;

/// <summary>The recipe's stack (python, cuda, torch, …) with the user's overrides, as the build arguments of its
/// Dockerfile: <c>cuda</c> → <c>--build-arg CUDA=10.1</c>. Every key must be an <c>ARG</c> of the Dockerfile.</summary>
internal static partial class StackArguments
{
    public static string ArgumentName(string key) => key.ToUpperInvariant().Replace('-', '_').Replace('.', '_');

    public static IReadOnlyDictionary<string, string> For(Recipe recipe, string dockerfile, IReadOnlyDictionary<string, string> overrides)
    {
        var declared = Declared(File.ReadAllText(dockerfile));
        var merged = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in recipe.Environment.Stack.Concat(overrides))
        {
            var name = ArgumentName(key);
            if (!declared.Contains(name))
                throw new RunnerException(
                    $"the stack entry '{key}' is not a build argument of {dockerfile} (ARG {name} is missing); its arguments: {string.Join(", ", declared.Order())}"
                );
            merged[name] = value;
        }
        return merged;
    }

    public static IReadOnlySet<string> Declared(string dockerfile) =>
        ArgLine().Matches(dockerfile).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"^\s*ARG\s+([A-Za-z_][A-Za-z0-9_]*)", RegexOptions.Multiline)]
    private static partial Regex ArgLine();
}
