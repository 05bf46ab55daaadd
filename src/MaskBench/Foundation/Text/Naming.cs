namespace MaskBench.Foundation.Text;

internal static class Naming
{
    /// <summary><c>maskrcnn-benchmark</c> → <c>MaskrcnnBenchmark</c>; <c>train-timeout</c> → <c>TrainTimeout</c>.</summary>
    public static string PascalCase(string kebab) =>
        string.Concat(
            kebab.Split('-', '_', '.', ' ', '/').Where(part => part.Length > 0).Select(part => char.ToUpperInvariant(part[0]) + part[1..])
        );

    /// <summary><c>TrainTimeout</c> → <c>train-timeout</c>.</summary>
    public static string KebabCase(string pascal)
    {
        var builder = new System.Text.StringBuilder();
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (char.IsUpper(c) && i > 0 && (char.IsLower(pascal[i - 1]) || (i + 1 < pascal.Length && char.IsLower(pascal[i + 1]))))
                builder.Append('-');
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }
}
