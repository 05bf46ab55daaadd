namespace MaskBench.Foundation.Text;

/// <summary>"Did you mean …" for names a user mistyped.</summary>
internal static class Suggest
{
    public sealed record Suggestions(IReadOnlyList<string> Names)
    {
        public string Format() => Names.Count == 0 ? "" : $" (did you mean {string.Join(" or ", Names.Select(n => $"'{n}'"))}?)";
    }

    public static Suggestions Nearest(string wanted, IEnumerable<string> known)
    {
        var scored = known
            .Select(name =>
                (
                    name,
                    distance: name.Contains(wanted, StringComparison.OrdinalIgnoreCase)
                        ? 0
                        : Distance(wanted.ToLowerInvariant(), name.ToLowerInvariant())
                )
            )
            .Where(x => x.distance <= Math.Max(2, wanted.Length / 3))
            .ToList();
        var best = scored.Select(x => x.distance).DefaultIfEmpty(0).Min();
        var names = scored
            .Where(x => x.distance <= best + 1)
            .OrderBy(x => x.distance)
            .ThenBy(x => x.name, StringComparer.Ordinal)
            .Take(3)
            .Select(x => x.name)
            .ToList();
        return new Suggestions(names);
    }

    static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            previous = current;
        }
        return previous[b.Length];
    }
}
