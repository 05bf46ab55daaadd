namespace MaskBench.Stages;

/// <summary>The one reader of <c>key=value</c> list parameters (<c>--set</c>, <c>--stack</c>).</summary>
internal static class KeyValues
{
    /// <summary>A later item overrides an earlier one with the same key.</summary>
    public static IReadOnlyDictionary<string, string> Parse(IEnumerable<string> items, string option, string example)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var parts = item.Split('=', 2);
            if (parts.Length != 2 || parts[0].Trim().Length == 0)
                throw new ChainException(
                    $"{option} '{item}' is not key=value, e.g. {option} {example}; a value with spaces must be quoted as one argument ({option} 'key=a b')"
                );
            values[parts[0].Trim()] = parts[1];
        }
        return values;
    }
}
